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

export const appCalls = {
  'app.info': call({
    summary: 'Version, shell, data directory and the active profile',
    input: noInput,
    result: appInfo,
  }),
}
