import { SwitchboardError, type AppSettings, type AppSettingsView } from '@shared/contract'
import type { Store } from '../store'

/**
 * How the desktop shell makes the OS start Switchboard at login (Electron's login items, an XDG
 * autostart entry on Linux). Only the installed desktop app has one; it throws when the OS refuses.
 */
export interface LoginItem {
  apply(launchAtLogin: boolean): void
}

const LAUNCH_AT_LOGIN_KEY = 'app.launchAtLogin'

/** App-wide settings, kept in the store's settings table; the login item follows the setting where this process has one. */
export class AppSettingsService {
  constructor(private readonly deps: { store: Pick<Store, 'settings'>; loginItem: LoginItem | undefined }) {}

  view(): AppSettingsView {
    return { launchAtLogin: this.deps.store.settings.get(LAUNCH_AT_LOGIN_KEY) === '1', appliesHere: this.deps.loginItem !== undefined }
  }

  /** The OS is changed first: a login item the OS refused is not recorded as on. */
  update(change: Partial<AppSettings>): AppSettingsView {
    if (change.launchAtLogin !== undefined) {
      try {
        this.deps.loginItem?.apply(change.launchAtLogin)
      } catch (error) {
        throw new SwitchboardError({
          code: 'internal',
          message: `Switchboard could not ${change.launchAtLogin ? 'register itself to start' : 'stop starting'} at login: ${error instanceof Error ? error.message : String(error)}`,
          fix: 'Check the login items in your system settings, then try again',
        })
      }
      this.deps.store.settings.set(LAUNCH_AT_LOGIN_KEY, change.launchAtLogin ? '1' : '0')
    }
    return this.view()
  }
}
