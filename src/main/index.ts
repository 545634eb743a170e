import { join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, Notification, protocol, session, shell, Tray } from 'electron'
import { createCore, createLogger, graphBaseUrlFrom, prepareDataDir, Redactor, systemClock, type Core } from './core'
import { bindContract, createSenderCheck, forwardEvents } from './ipc'
import { desktopLoginItem } from './login-item'
import { createMediaOpener } from './media'
import { applicationMenuTemplate } from './menu'
import { appSchemePrivileges, APP_ORIGIN, isAppOrigin, registerAppProtocol, rendererDevServer } from './protocol'
import { setupCleanQuit } from './quit'
import { createExternalOpener, denyAllPermissions, hardenWebContents } from './security'
import { rendererDirFrom } from './static'
import { packagedTrayIconDir, setupTray } from './tray'
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
  // Only the installed app registers itself to start at login: a development run would register Electron itself.
  const loginItem = app.isPackaged
    ? desktopLoginItem({
        platform: process.platform,
        env: process.env,
        execPath: process.execPath,
        homeDir: app.getPath('home'),
        setLoginItemSettings: (settings) => app.setLoginItemSettings(settings),
      })
    : undefined
  const core: Core = await createCore({
    dataDir,
    shell: 'electron',
    version: app.getVersion(),
    graphBaseUrl,
    clock: systemClock,
    log,
    redactor,
    ...(loginItem ? { loginItem } : {}),
  })

  // The OS follows the stored setting from the start: it may have been changed in browser mode or
  // the CLI, and an AppImage may have moved since it was registered.
  if (loginItem) {
    void core
      .call('app.settings')
      .then(({ launchAtLogin }) => loginItem.apply(launchAtLogin))
      .catch((error: unknown) => log.warn('login item not updated', { error: error instanceof Error ? error.message : String(error) }))
  }

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
  const allowDevTools = !app.isPackaged
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { isAppUrl, openExternal, openOwnMedia, allowDevTools }))
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(process.platform, app.isPackaged)))
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
      { devTools: allowDevTools },
    )
    const id = window.webContents.id
    windows.add(id)
    forwardEvents(core.events, window.webContents)
    window.on('closed', () => windows.delete(id))
    return window
  }
  let mainWindow = openWindow()
  const showWindow = (): BrowserWindow => {
    if (mainWindow.isDestroyed()) mainWindow = openWindow()
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    return mainWindow
  }

  setupTray({
    Tray,
    Menu,
    Notification,
    nativeImage,
    resourcesDir: app.isPackaged ? packagedTrayIconDir(process.resourcesPath) : join(import.meta.dirname, '../../resources'),
    core,
    showWindow,
    quit: () => app.quit(),
  })

  // A second launch (from the menu, the dock, a shortcut) brings this window forward instead.
  app.on('second-instance', () => showWindow().focus())
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = openWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  setupCleanQuit({
    app,
    signals: process,
    close: () => core.close(),
    onCloseFailed: (error) => log.error('closing at quit failed', { error: error instanceof Error ? error.message : String(error) }),
  })
}
