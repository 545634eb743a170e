import { homedir } from 'node:os'
import { join } from 'node:path'

/** The same directory Electron uses as `userData` for an app named Switchboard, so CLI and app share it. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Switchboard')
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Switchboard')
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'Switchboard')
}
