import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CoreServices } from '../../../src/main/core'
import { setupTray, type TrayDeps } from '../../../src/main/tray'
import { testCore } from '../../support/core'

/** Electron's Tray, Menu and Notification as the tray uses them: what a person would see is recorded. */
function electronStandIns() {
  const seen = { tooltip: '', menu: [] as { label?: string; enabled?: boolean }[], notifications: [] as string[] }
  class Tray {
    setToolTip(text: string) {
      seen.tooltip = text
    }
    setContextMenu(menu: { label?: string; enabled?: boolean }[]) {
      seen.menu = menu
    }
    destroy() {}
  }
  class Notification {
    static isSupported = () => true
    constructor(private readonly options: { title: string }) {}
    show() {
      seen.notifications.push(this.options.title)
    }
  }
  const deps = {
    Tray,
    Notification,
    Menu: { buildFromTemplate: (items: unknown[]) => items },
    nativeImage: { createFromPath: () => ({}) },
    resourcesDir: '/nonexistent',
    showWindow: () => ({ focus() {} }),
  }
  return { seen, deps: deps as unknown as Omit<TrayDeps, 'core'> }
}

describe('the tray', () => {
  let core: CoreServices
  let stop: () => void = () => undefined
  afterEach(async () => {
    stop()
    await core.close()
  })

  it('shows the active profile’s token and follows the active profile through the contract', async () => {
    core = await testCore()
    await core.call('profiles.create', { name: 'production' })
    const staging = await core.call('profiles.create', { name: 'staging' })
    const { seen, deps } = electronStandIns()

    stop = setupTray({ ...deps, core })
    await vi.waitFor(() => expect(seen.tooltip).toBe('Switchboard — production: no token'))
    expect(seen.menu.find((item) => item.label === 'Refresh token now')?.enabled).toBe(false)

    await core.call('profiles.activate', { id: staging.id })
    await vi.waitFor(() => expect(seen.tooltip).toBe('Switchboard — staging: no token'))

    await core.call('profiles.delete', { id: staging.id })
    await vi.waitFor(() => expect(seen.tooltip).toBe('Switchboard — production: no token'))
  })
})
