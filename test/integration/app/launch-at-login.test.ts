import { afterEach, describe, expect, it } from 'vitest'
import type { CoreServices } from '../../../src/main/core'
import { tempDir, testCore } from '../../support/core'

/** The desktop shell's login item, as the core sees it: what it was asked, and optionally a refusal. */
function recordingLoginItem(refusal?: string) {
  const applied: boolean[] = []
  return {
    applied,
    loginItem: {
      apply(launchAtLogin: boolean) {
        if (refusal) throw new Error(refusal)
        applied.push(launchAtLogin)
      },
    },
  }
}

describe('starting at login (app.settings, app.setSettings)', () => {
  let core: CoreServices | undefined
  afterEach(async () => {
    await core?.close()
    core = undefined
  })

  it('is off until the operator turns it on, and stays as set across restarts', async () => {
    const dataDir = tempDir()
    core = await testCore({ dataDir })
    expect(await core.call('app.settings')).toEqual({ launchAtLogin: false, appliesHere: false })
    expect(await core.call('app.setSettings', { launchAtLogin: true })).toEqual({ launchAtLogin: true, appliesHere: false })
    await core.close()

    core = await testCore({ dataDir })
    expect(await core.call('app.settings')).toEqual({ launchAtLogin: true, appliesHere: false })
  })

  it('in browser mode and the CLI (no login item) is kept and says it applies to the desktop app', async () => {
    core = await testCore()
    const view = await core.call('app.setSettings', { launchAtLogin: true })
    expect(view.appliesHere).toBe(false)
    expect(view.launchAtLogin).toBe(true)
  })

  it('in the desktop app registers and removes the login item as it changes', async () => {
    const { applied, loginItem } = recordingLoginItem()
    core = await testCore({ shell: 'electron', loginItem })
    expect(await core.call('app.settings')).toEqual({ launchAtLogin: false, appliesHere: true })
    expect(applied).toEqual([])
    await core.call('app.setSettings', { launchAtLogin: true })
    await core.call('app.setSettings', { launchAtLogin: false })
    expect(applied).toEqual([true, false])
    await core.call('app.setSettings', {})
    expect(applied).toEqual([true, false])
  })

  it('when the OS refuses, fails with the reason and keeps the setting as it was', async () => {
    const { loginItem } = recordingLoginItem('autostart directory is read-only')
    core = await testCore({ shell: 'electron', loginItem })
    const result = await core.dispatch('app.setSettings', { launchAtLogin: true })
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/start at login: autostart directory is read-only/) as unknown } })
    expect(await core.call('app.settings')).toEqual({ launchAtLogin: false, appliesHere: true })
  })

  it('refuses anything but a boolean, and unknown settings', async () => {
    core = await testCore()
    expect(await core.dispatch('app.setSettings', { launchAtLogin: 'yes' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await core.dispatch('app.setSettings', { startMinimised: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await core.call('app.settings')).toEqual({ launchAtLogin: false, appliesHere: false })
  })
})
