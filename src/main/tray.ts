import { join } from 'node:path'
import type { BrowserWindow, Menu as MenuType, nativeImage as NativeImageType, Notification as NotificationType, Tray as TrayType } from 'electron'
import type { TokenStatus } from '@shared/contract'
import type { Core } from './core'
import { TokenAlerts, trayLine } from './token-alerts'

export interface TrayDeps {
  Tray: typeof TrayType
  Menu: typeof MenuType
  Notification: typeof NotificationType
  nativeImage: typeof NativeImageType
  resourcesDir: string
  core: Core
  showWindow: () => BrowserWindow
  /** `app.quit()`: the same clean stop as every other way out (see quit.ts). */
  quit: () => void
}

/**
 * Where the packaged app's tray images are: `icons/` in its resources directory, put there by the
 * packaging step (electron-builder.config.mjs, extraResources) at the sizes each platform's tray wants.
 */
export function packagedTrayIconDir(resourcesPath: string): string {
  return join(resourcesPath, 'icons')
}

/**
 * The tray (remaining token time, refresh, open) and desktop notifications before expiry, on
 * expiry and on refresh failure. Everything it shows comes from core events.
 */
export function setupTray(deps: TrayDeps): () => void {
  const tray = new deps.Tray(deps.nativeImage.createFromPath(join(deps.resourcesDir, 'icon.png')))
  const alerts = new TokenAlerts()
  let active: TokenStatus | null = null
  /** The active profile's id, from the contract at start and from every profile change after. */
  let activeId: string | null = null

  const notify = (alert: { title: string; body: string } | null) => {
    if (alert && deps.Notification.isSupported()) new deps.Notification({ title: alert.title, body: alert.body }).show()
  }
  const render = () => {
    tray.setToolTip(trayLine(active))
    tray.setContextMenu(
      deps.Menu.buildFromTemplate([
        { label: trayLine(active), enabled: false },
        { type: 'separator' },
        { label: 'Open Switchboard', click: () => deps.showWindow().focus() },
        {
          label: 'Refresh token now',
          enabled: active !== null && active.strategies.length > 0,
          click: () => void deps.core.call('token.refresh', active ? { profileId: active.profileId } : undefined).catch(() => undefined),
        },
        { type: 'separator' },
        { label: 'Quit Switchboard', click: () => deps.quit() },
      ]),
    )
  }

  const offStatus = deps.core.events.on('token.changed', (status) => {
    notify(alerts.onStatus(status))
    if (status.profileId === activeId) active = status
    render()
  })
  const offLogged = deps.core.events.on('token.logged', (entry) => {
    notify(alerts.onLogged(entry))
  })
  /** Shows another profile's token: at once as unknown, then as the contract reports it. */
  const follow = (id: string | null) => {
    if (id === activeId) return
    activeId = id
    active = null
    render()
    if (!id) return
    void deps.core
      .call('token.status', { profileId: id })
      .then((status) => {
        if (activeId !== id) return
        active = status
        render()
      })
      .catch(() => undefined)
  }
  const offProfiles = deps.core.events.on('profiles.changed', ({ activeId: id }) => follow(id))
  void deps.core
    .call('profiles.list')
    .then(({ activeId: id }) => follow(id))
    .catch(() => undefined)
  const timer = setInterval(render, 60_000)
  render()
  return () => {
    offStatus()
    offLogged()
    offProfiles()
    clearInterval(timer)
    tray.destroy()
  }
}
