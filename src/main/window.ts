import type { BrowserWindow as BrowserWindowType } from 'electron'

/**
 * The one place a window is created and its security settings decided. The options are a literal
 * at the constructor call so that both the hardening tests (through a stand-in constructor) and
 * Electronegativity's static scan see exactly what the app passes.
 */
export interface WindowOptions {
  /** False in a packaged app: DevTools cannot be opened at all (no shortcut, menu or API call does anything). */
  devTools: boolean
}

export function createMainWindow(BrowserWindow: typeof BrowserWindowType, preloadPath: string, url: string, options: WindowOptions): BrowserWindowType {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 560,
    title: 'Switchboard',
    show: false,
    backgroundColor: '#15171a',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Middle-click would open links in a new window; window.open is denied anyway.
      disableBlinkFeatures: 'Auxclick',
      devTools: options.devTools,
    },
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(url)
  return window
}
