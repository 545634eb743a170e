import { describe, expect, it, vi } from 'vitest'
import { SwitchboardError } from '@shared/contract'
import { Redactor, silentLogger, type Handlers } from '../../../src/main/core'
import { createDispatch } from '../../../src/main/core/dispatch'
import { fakeToken } from '../../support/secrets'

const leakedToken = fakeToken('m0PX4ZCpsBAKZCsomethinglong123')

/** Only app.info is exercised; the dispatcher never touches the other handlers. */
function handlers(info: Handlers['app.info']): Handlers {
  return { 'app.info': info } as Partial<Handlers> as Handlers
}

const validInfo = {
  name: 'Switchboard' as const,
  version: '1.0.0',
  shell: 'browser' as const,
  platform: 'linux-x64',
  runtime: 'Node 22',
  dataDir: '/tmp/x',
  profile: null,
  graphBaseUrl: 'https://graph.facebook.com',
  customGraphBaseUrl: null,
  sandbox: false,
  startedAt: 0,
}

describe('dispatch', () => {
  it('answers a valid call with an ok envelope', async () => {
    const dispatch = createDispatch({ handlers: handlers(() => validInfo), log: silentLogger, redactor: new Redactor() })
    await expect(dispatch('app.info', undefined)).resolves.toEqual({ ok: true, value: validInfo })
  })

  it('rejects invalid input with a typed error before the handler runs', async () => {
    const handler = vi.fn(() => validInfo)
    const dispatch = createDispatch({ handlers: handlers(handler), log: silentLogger, redactor: new Redactor() })
    const result = await dispatch('app.info', { unexpected: true })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(handler).not.toHaveBeenCalled()
  })

  it('rejects unknown and prototype-polluting call names', async () => {
    const dispatch = createDispatch({ handlers: handlers(() => validInfo), log: silentLogger, redactor: new Redactor() })
    for (const name of ['nope.call', '__proto__', 'constructor', 'toString', 42, null]) {
      expect(await dispatch(name, undefined)).toMatchObject({ ok: false, error: { code: 'unknown_call' } })
    }
  })

  it('passes typed core errors through and turns anything else into an internal error without a stack', async () => {
    const typed = createDispatch({
      handlers: handlers(() => {
        throw new SwitchboardError({ code: 'keychain_locked', message: 'The keychain is locked', fix: 'Unlock it' })
      }),
      log: silentLogger,
      redactor: new Redactor(),
    })
    expect(await typed('app.info', undefined)).toEqual({
      ok: false,
      error: { code: 'keychain_locked', message: 'The keychain is locked', fix: 'Unlock it' },
    })

    const crashing = createDispatch({
      handlers: handlers(() => {
        throw new TypeError('boom')
      }),
      log: silentLogger,
      redactor: new Redactor(),
    })
    const result = await crashing('app.info', undefined)
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'app.info failed: boom' } })
    expect(JSON.stringify(result)).not.toContain('at ')
  })

  it('masks secrets that a failing handler quotes in its message', async () => {
    const redactor = new Redactor()
    redactor.add('0123456789abcdef0123456789abcdef')
    const dispatch = createDispatch({
      handlers: handlers(() => {
        throw new Error(`refused ${leakedToken} with secret 0123456789abcdef0123456789abcdef`)
      }),
      log: silentLogger,
      redactor,
    })
    const text = JSON.stringify(await dispatch('app.info', undefined))
    expect(text).not.toContain(leakedToken)
    expect(text).not.toContain('0123456789abcdef0123456789abcdef')
    expect(text).toContain('EA…23')
  })

  it('reports a handler result outside the contract when results are validated', async () => {
    const dispatch = createDispatch({
      handlers: handlers(() => ({ ...validInfo, name: 'Other' }) as unknown as typeof validInfo),
      log: silentLogger,
      redactor: new Redactor(),
      validateResults: true,
    })
    expect(await dispatch('app.info', undefined)).toMatchObject({ ok: false, error: { code: 'internal' } })
  })
})
