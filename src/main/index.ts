import { join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, Notification, protocol, session, shell, Tray } from 'electron'
import { createCore, createLogger, graphBaseUrlFrom, prepareDataDir, Redactor, systemClock, type Core } from './core'
import { bindContract, createSenderCheck, forwardEvents } from './ipc'
import { createMediaOpener } from './media'
import { appSchemePrivileges, APP_ORIGIN, isAppOrigin, registerAppProtocol, rendererDevServer } from './protocol'
import { createExternalOpener, denyAllPermissions, hardenWebContents } from './security'
import { rendererDirFrom } from './static'
import { setupTray } from './tray'
import { createMainWindow } from './window'

/**
 * Electron entry: lifecycle, one hardened window, and the contract bound to IPC. Behaviour lives in
 * the core; this file only composes.
 */

app.setName('Switchboard')

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  protocol.registerSchemesAsPrivileged(appSchemePrivileges())
  void start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    const fix = (error as { fix?: unknown }).fix
    console.error('Switchboard could not start:', message)
    dialog.showErrorBox('Switchboard could not start', typeof fix === 'string' ? `${message}\n\n${fix}` : message)
    app.exit(1)
  })
}

async function start(): Promise<void> {
  await app.whenReady()
  const devServer = rendererDevServer(process.env, app.isPackaged)
  const graphBaseUrl = graphBaseUrlFrom(process.env)
  const redactor = new Redactor()
  const dataDir = app.getPath('userData')
  prepareDataDir(dataDir)
  const log = createLogger({ redactor, dir: join(dataDir, 'logs') })
  const core: Core = await createCore({
    dataDir,
    shell: 'electron',
    version: app.getVersion(),
    graphBaseUrl,
    clock: systemClock,
    log,
    redactor,
  })

  // A busy port does not stop the app: the Webhooks screen shows why and offers another port.
  void core.startListener().catch((error: unknown) =>
    log.warn('webhook listener not started', { error: error instanceof Error ? error.message : String(error) }),
  )

  void core.startBackground()

  const isAppUrl = (url: string) => isAppOrigin(url, devServer)
  const openExternal = createExternalOpener(
    (url) => shell.openExternal(url),
    (url) => log.warn('refused to open an external URL', { url }),
  )
  const openOwnMedia = createMediaOpener({
    isAppUrl,
    openMedia: core.openMedia,
    openPath: (path) => shell.openPath(path),
    onFailure: (message) => void dialog.showMessageBox({ type: 'warning', message }),
  })
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { isAppUrl, openExternal, openOwnMedia }))
  denyAllPermissions(session.defaultSession, isAppUrl)
  registerAppProtocol(protocol, rendererDirFrom(import.meta.url), core)

  const windows = new Set<number>()
  bindContract(
    ipcMain,
    core.dispatch,
    createSenderCheck(isAppUrl, () => windows),
  )

  const openWindow = (): BrowserWindow => {
    const window = createMainWindow(
      BrowserWindow,
      join(import.meta.dirname, '../preload/index.cjs'),
      devServer ?? `${APP_ORIGIN}/index.html`,
    )
    const id = window.webContents.id
    windows.add(id)
    forwardEvents(core.events, window.webContents)
    window.on('closed', () => windows.delete(id))
    return window
  }
  let mainWindow = openWindow()

  setupTray({
    Tray,
    Menu,
    Notification,
    nativeImage,
    resourcesDir: join(import.meta.dirname, '../../resources'),
    core,
    showWindow: () => {
      if (mainWindow.isDestroyed()) mainWindow = openWindow()
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.show()
      return mainWindow
    },
  })

  app.on('second-instance', () => {
    if (mainWindow.isDestroyed()) mainWindow = openWindow()
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = openWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  let quitting = false
  app.on('before-quit', (event) => {
    if (quitting) return
    quitting = true
    event.preventDefault()
    void core.close().finally(() => app.quit())
  })
}
