import { z } from 'zod'
import { call } from '../define'
import { noInput } from '../../schemas'

export const appInfo = z.object({
  name: z.literal('Switchboard'),
  version: z.string(),
  /** How the UI reaches the core: the Electron preload, or the WebSocket of `switchboard serve`. */
  shell: z.enum(['electron', 'browser']),
  platform: z.string(),
  runtime: z.string(),
  dataDir: z.string(),
  profile: z.string().nullable(),
  graphBaseUrl: z.string(),
  /** Where Meta profiles' Graph calls go when that is not Meta (`SWITCHBOARD_GRAPH_BASE_URL`); null for Meta's own. */
  customGraphBaseUrl: z.string().nullable(),
  sandbox: z.boolean(),
  startedAt: z.number().int(),
})
export type AppInfo = z.infer<typeof appInfo>

/** App-wide settings the operator changes. */
export const appSettings = z.object({
  /** Start Switchboard when the user logs in to this computer (off unless the operator turns it on). */
  launchAtLogin: z.boolean(),
})
export type AppSettings = z.infer<typeof appSettings>

export const appSettingsView = appSettings.extend({
  /**
   * True in the installed desktop app, which registers the login item with the OS. Elsewhere
   * (browser mode, the command line, a development run) the setting is kept, and the installed
   * desktop app applies it when it next starts.
   */
  appliesHere: z.boolean(),
})
export type AppSettingsView = z.infer<typeof appSettingsView>

export const appCalls = {
  'app.info': call({
    summary: 'Version, shell, data directory and the active profile',
    input: noInput,
    result: appInfo,
  }),
  'app.settings': call({ summary: 'App-wide settings (start at login)', input: noInput, result: appSettingsView }),
  'app.setSettings': call({
    summary: 'Change app-wide settings; the installed desktop app registers or removes its login item at once',
    input: appSettings.partial().strict(),
    result: appSettingsView,
  }),
}
