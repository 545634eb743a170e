import { describe, expect, it, vi } from 'vitest'
import { callNames } from '@shared/contract'
import type { Dispatch } from '../../../src/main/core'
import { bindContract, createSenderCheck } from '../../../src/main/ipc'
import { isAppOrigin } from '../../../src/main/protocol'
import { fakeEvent, FakeIpcMain } from '../../support/fake-ipc'
import { testCore } from '../../support/core'

const trustAll = () => true

describe('IPC binding', () => {
  it('registers exactly one channel per contract call and removes them again', () => {
    const ipc = new FakeIpcMain()
    const dispatch: Dispatch = vi.fn(() => Promise.resolve({ ok: true as const, value: null }))
    const unbind = bindContract(ipc, dispatch, trustAll)
    expect([...ipc.handlers.keys()].sort()).toEqual([...callNames].sort())
    unbind()
    expect(ipc.handlers.size).toBe(0)
  })

  it('rejects invalid input with a typed error before the handler runs', async () => {
    const core = await testCore()
    const info = vi.spyOn(core.handlers, 'app.info')
    const ipc = new FakeIpcMain()
    bindContract(ipc, core.dispatch, trustAll)
    const result = await ipc.invoke('app.info', fakeEvent(), { profile: 'x' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(JSON.stringify(result)).toContain('Invalid input for app.info')
    expect(info).not.toHaveBeenCalled()
    await core.close()
  })

  it('answers a valid call from the trusted frame', async () => {
    const core = await testCore()
    const ipc = new FakeIpcMain()
    bindContract(ipc, core.dispatch, trustAll)
    const result = await ipc.invoke('app.info', fakeEvent(), undefined)
    expect(result).toMatchObject({ ok: true, value: { name: 'Switchboard', version: '0.0.0-test' } })
    await core.close()
  })

  it('refuses untrusted senders without dispatching', async () => {
    const dispatch: Dispatch = vi.fn(() => Promise.resolve({ ok: true as const, value: null }))
    const ipc = new FakeIpcMain()
    bindContract(ipc, dispatch, () => false)
    expect(await ipc.invoke('app.info', fakeEvent(), undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(dispatch).not.toHaveBeenCalled()
  })
})

describe('sender check', () => {
  const check = createSenderCheck((url) => isAppOrigin(url, undefined), () => [1])

  it('trusts only the top frame of our window showing our renderer', () => {
    expect(check(fakeEvent())).toBe(true)
    expect(check(fakeEvent({ parent: {} }))).toBe(false)
    expect(check(fakeEvent({ url: 'https://evil.example/' }))).toBe(false)
    expect(check(fakeEvent({ url: 'file:///etc/passwd' }))).toBe(false)
    expect(check(fakeEvent({ url: 'app://other/index.html' }))).toBe(false)
    expect(check(fakeEvent({ senderId: 2 }))).toBe(false)
    expect(check(fakeEvent({ noFrame: true }))).toBe(false)
  })

  it('accepts the dev server origin only when one is configured', () => {
    expect(isAppOrigin('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isAppOrigin('http://localhost:5173/', undefined)).toBe(false)
    expect(isAppOrigin('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
  })
})
