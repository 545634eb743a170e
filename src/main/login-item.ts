import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

export interface LoginItemHost {
  platform: NodeJS.Platform
  env: NodeJS.ProcessEnv
  /** The installed executable (process.execPath); an AppImage is started through $APPIMAGE instead. */
  execPath: string
  homeDir: string
  /** Electron's `app.setLoginItemSettings` (macOS and Windows). */
  setLoginItemSettings(settings: { openAtLogin: boolean }): void
}

/**
 * Starting the installed app at login: Electron's login items on macOS and Windows, and on Linux,
 * where Electron has none, an XDG autostart entry ($XDG_CONFIG_HOME/autostart/switchboard.desktop).
 * `apply` throws when the OS refuses; the core then keeps the setting as it was.
 */
export function desktopLoginItem(host: LoginItemHost): { apply(launchAtLogin: boolean): void } {
  if (host.platform !== 'linux') return { apply: (openAtLogin) => host.setLoginItemSettings({ openAtLogin }) }
  const file = autostartFile(host)
  return {
    apply(launchAtLogin) {
      if (!launchAtLogin) {
        rmSync(file, { force: true })
        return
      }
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, autostartEntry(host.env.APPIMAGE || host.execPath), { mode: 0o644 })
    },
  }
}

export function autostartFile(host: Pick<LoginItemHost, 'env' | 'homeDir'>): string {
  return join(host.env.XDG_CONFIG_HOME || join(host.homeDir, '.config'), 'autostart', 'switchboard.desktop')
}

/** A Desktop Entry that starts `executable`, quoted as the Desktop Entry Specification's Exec key wants it. */
export function autostartEntry(executable: string): string {
  if (/[\n\r]/.test(executable)) throw new Error(`the executable's path cannot go into an autostart entry: ${JSON.stringify(executable)}`)
  // An argument in double quotes escapes " ` $ \ with a backslash; the value as a whole then escapes
  // backslashes again, and % as %% (field codes).
  const quoted = `"${executable.replace(/["`$\\]/g, '\\$&')}"`
  const exec = quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%')
  return ['[Desktop Entry]', 'Type=Application', 'Name=Switchboard', `Exec=${exec}`, 'Icon=switchboard', 'Terminal=false', 'X-GNOME-Autostart-enabled=true', ''].join('\n')
}
