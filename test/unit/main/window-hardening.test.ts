import { describe, expect, it, vi } from 'vitest'
import { contentSecurityPolicy, isAllowedExternalUrl } from '@shared/csp'
import { applicationMenuTemplate } from '../../../src/main/menu'
import { isAppOrigin } from '../../../src/main/protocol'
import { createExternalOpener, denyAllPermissions, hardenWebContents, type HardenableContents } from '../../../src/main/security'
import type { BrowserWindow, BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron'
import { createMainWindow } from '../../../src/main/window'

type Handler = (...args: unknown[]) => unknown

function recordingContents() {
  const on = new Map<string, Handler>()
  let openHandler: Handler | undefined
  const closeDevTools = vi.fn()
  const contents = {
    on: (name: string, handler: Handler) => on.set(name, handler),
    setWindowOpenHandler: (handler: Handler) => {
      openHandler = handler
    },
    closeDevTools,
  } as unknown as HardenableContents
  return { contents, on, closeDevTools, open: (url: string) => openHandler?.({ url }) }
}

function navigationEvent() {
  return { preventDefault: vi.fn() }
}

/** Stands in for Electron's BrowserWindow: records what the factory passes and the URL it loads. */
class RecordingWindow {
  static created: BrowserWindowConstructorOptions[] = []
  loaded: string[] = []
  constructor(options: BrowserWindowConstructorOptions) {
    RecordingWindow.created.push(options)
  }
  once() {
    return this
  }
  loadURL(url: string) {
    this.loaded.push(url)
    return Promise.resolve()
  }
}

describe('window factory', () => {
  it('creates the window isolated, sandboxed and without Node', () => {
    const window = createMainWindow(RecordingWindow as unknown as typeof BrowserWindow, '/app/preload.cjs', 'app://switchboard/index.html', { devTools: false })
    const prefs = RecordingWindow.created.at(-1)!.webPreferences!
    expect((window as unknown as RecordingWindow).loaded).toEqual(['app://switchboard/index.html'])
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.cjs',
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    })
  })

  it('allows DevTools only where the shell asks for them (development runs)', () => {
    createMainWindow(RecordingWindow as unknown as typeof BrowserWindow, '/app/preload.cjs', 'app://switchboard/index.html', { devTools: true })
    expect(RecordingWindow.created.at(-1)!.webPreferences!.devTools).toBe(true)
  })
})

/** Every item of a menu template, submenus included. */
function menuItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? menuItems(item.submenu) : [])])
}

describe('application menu', () => {
  const devToolsItem = (item: MenuItemConstructorOptions) =>
    item.role === 'toggleDevTools' || item.role === 'viewMenu' || item.role === 'reload' || item.role === 'forceReload' || /I$|F12/i.test(String(item.accelerator ?? ''))

  it('offers no way to DevTools or reloading in a packaged app, on any platform', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      const items = menuItems(applicationMenuTemplate(platform, true))
      expect(items.filter(devToolsItem), platform).toEqual([])
      expect(items.map((item) => item.role)).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'fileMenu']))
    }
    expect(menuItems(applicationMenuTemplate('darwin', true)).map((item) => item.role)).toContain('appMenu')
  })

  it('keeps Toggle Developer Tools and Reload in development', () => {
    expect(menuItems(applicationMenuTemplate('linux', false)).map((item) => item.role)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']))
  })
})

describe('web contents hardening', () => {
  const policy = { isAppUrl: (url: string) => isAppOrigin(url, undefined), openExternal: vi.fn(), allowDevTools: false }

  it('blocks navigation and redirects away from the app', () => {
    const { contents, on } = recordingContents()
    hardenWebContents(contents, policy)
    const away = navigationEvent()
    on.get('will-navigate')?.(away, 'https://evil.example/')
    expect(away.preventDefault).toHaveBeenCalled()
    const redirect = navigationEvent()
    on.get('will-redirect')?.(redirect, 'http://127.0.0.1:1/')
    expect(redirect.preventDefault).toHaveBeenCalled()
    const inside = navigationEvent()
    on.get('will-navigate')?.(inside, 'app://switchboard/index.html')
    expect(inside.preventDefault).not.toHaveBeenCalled()
  })

  it('denies every window.open, handing only allow-listed https links to the OS browser', () => {
    const { contents, open } = recordingContents()
    const openExternal = vi.fn()
    hardenWebContents(contents, { ...policy, openExternal })
    expect(open('https://developers.facebook.com/docs/whatsapp')).toEqual({ action: 'deny' })
    expect(open('https://evil.example/')).toEqual({ action: 'deny' })
    expect(open('http://developers.facebook.com/')).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledTimes(1)
    expect(openExternal).toHaveBeenCalledWith('https://developers.facebook.com/docs/whatsapp')
  })

  it('closes DevTools at once if they open in a packaged app, and leaves them alone in development', () => {
    const packaged = recordingContents()
    hardenWebContents(packaged.contents, policy)
    packaged.on.get('devtools-opened')?.()
    expect(packaged.closeDevTools).toHaveBeenCalledTimes(1)

    const development = recordingContents()
    hardenWebContents(development.contents, { ...policy, allowDevTools: true })
    expect(development.on.has('devtools-opened')).toBe(false)
  })

  it('prevents <webview> attachment', () => {
    const { contents, on } = recordingContents()
    hardenWebContents(contents, policy)
    const event = navigationEvent()
    on.get('will-attach-webview')?.(event)
    expect(event.preventDefault).toHaveBeenCalled()
  })

  it('denies every permission request but clipboard writes from our own page', () => {
    let request: Handler | undefined
    let check: Handler | undefined
    denyAllPermissions(
      {
        setPermissionRequestHandler: (h: Handler) => (request = h),
        setPermissionCheckHandler: (h: Handler) => (check = h),
      } as never,
      (url) => isAppOrigin(url, undefined),
    )
    const page = { getURL: () => 'app://switchboard/index.html' }
    const callback = vi.fn()
    request?.(page, 'media', callback, { requestingUrl: 'app://switchboard/index.html' })
    expect(callback).toHaveBeenLastCalledWith(false)
    request?.(page, 'clipboard-sanitized-write', callback, { requestingUrl: 'app://switchboard/index.html' })
    expect(callback).toHaveBeenLastCalledWith(true)
    request?.(page, 'clipboard-sanitized-write', callback, { requestingUrl: 'https://evil.example/' })
    expect(callback).toHaveBeenLastCalledWith(false)
    expect(check?.({}, 'notifications', 'app://switchboard')).toBe(false)
    expect(check?.({}, 'clipboard-read', 'app://switchboard')).toBe(false)
  })

  it('opens external URLs only after checking them', () => {
    const open = vi.fn(() => Promise.resolve())
    const refused = vi.fn()
    const opener = createExternalOpener(open, refused)
    opener('file:///etc/passwd')
    opener('https://user@business.facebook.com/')
    opener('javascript:alert(1)')
    expect(open).not.toHaveBeenCalled()
    expect(refused).toHaveBeenCalledTimes(3)
    opener('https://business.facebook.com/settings')
    expect(open).toHaveBeenCalledWith('https://business.facebook.com/settings')
  })
})

describe('content security policy', () => {
  it('allows no inline or eval script and nothing from other origins', () => {
    const csp = contentSecurityPolicy()
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
  })

  it('allow-lists external hosts exactly', () => {
    expect(isAllowedExternalUrl('https://developers.facebook.com.evil.example/')).toBe(false)
    expect(isAllowedExternalUrl('not a url')).toBe(false)
    expect(isAllowedExternalUrl('https://www.whatsapp.com/business')).toBe(true)
  })
})
