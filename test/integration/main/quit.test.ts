import { EventEmitter } from 'node:events'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CoreServices } from '../../../src/main/core'
import { setupCleanQuit } from '../../../src/main/quit'
import { setupTray, type TrayDeps } from '../../../src/main/tray'
import { testCore } from '../../support/core'

/** Electron's app as quitting uses it: quit() emits before-quit, and the app exits unless a handler prevents it. */
class StandInApp extends EventEmitter {
  exits = 0
  quit(): void {
    let prevented = false
    this.emit('before-quit', { preventDefault: () => (prevented = true) })
    if (!prevented) this.exits++
  }
}

/** The tray's menu as a person sees it, with the items' click handlers. */
function trayStandIns() {
  let menu: { label?: string; click?: () => void }[] = []
  class Tray {
    setToolTip() {}
    setContextMenu(items: typeof menu) {
      menu = items
    }
    destroy() {}
  }
  const deps = {
    Tray,
    Notification: { isSupported: () => false },
    Menu: { buildFromTemplate: (items: unknown[]) => items },
    nativeImage: { createFromPath: () => ({}) },
    resourcesDir: '/nonexistent',
    showWindow: () => ({ focus() {} }),
  }
  return { click: (label: string) => menu.find((item) => item.label === label)?.click?.(), deps: deps as unknown as Omit<TrayDeps, 'core' | 'quit'> }
}

async function listening(url: string): Promise<boolean> {
  return fetch(url).then(
    () => true,
    () => false,
  )
}

describe('quitting the desktop app', () => {
  let core: CoreServices
  let stopTray: () => void = () => undefined
  afterEach(async () => {
    stopTray()
    await core?.close()
  })

  async function runningApp() {
    core = await testCore()
    const listener = await core.startListener(0)
    const app = new StandInApp()
    const signals = new EventEmitter()
    const close = vi.fn(() => core.close())
    setupCleanQuit({ app, signals, close, onCloseFailed: (error) => expect.fail(String(error)) })
    const tray = trayStandIns()
    stopTray = setupTray({ ...tray.deps, core, quit: () => app.quit() })
    expect(await listening(listener.url!)).toBe(true)
    return { app, signals, close, tray, url: listener.url! }
  }

  it('from the tray: the app waits for the core to close (the webhook listener stops), then exits', async () => {
    const { app, close, tray, url } = await runningApp()
    tray.click('Quit Switchboard')
    expect(app.exits).toBe(0)
    await vi.waitFor(() => expect(app.exits).toBe(1))
    expect(close).toHaveBeenCalledTimes(1)
    expect(await listening(url)).toBe(false)
  })

  it('on SIGTERM and on SIGINT: the same clean stop as the tray’s Quit', async () => {
    for (const signal of ['SIGTERM', 'SIGINT']) {
      const { app, signals, close, url } = await runningApp()
      signals.emit(signal)
      await vi.waitFor(() => expect(app.exits, signal).toBe(1))
      expect(close).toHaveBeenCalledTimes(1)
      expect(await listening(url), signal).toBe(false)
      stopTray()
    }
  })

  it('quitting again while the core closes waits for that close, and closes once', async () => {
    const app = new StandInApp()
    let finish: () => void = () => undefined
    const close = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)))
    setupCleanQuit({ app, signals: new EventEmitter(), close, onCloseFailed: () => undefined })
    app.quit()
    app.quit()
    expect(app.exits).toBe(0)
    finish()
    await vi.waitFor(() => expect(app.exits).toBe(1))
    expect(close).toHaveBeenCalledTimes(1)
  })

  it('a close that never finishes does not keep the app running: it quits after the time limit and says why', async () => {
    const app = new StandInApp()
    const failed = vi.fn()
    setupCleanQuit({ app, signals: new EventEmitter(), close: () => new Promise(() => undefined), onCloseFailed: failed, closeTimeoutMs: 50 })
    app.quit()
    await vi.waitFor(() => expect(app.exits).toBe(1))
    expect(String(failed.mock.calls[0]?.[0])).toMatch(/did not close within 50 ms/)
  })
})
