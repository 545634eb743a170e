import type { Clock } from './clock'
import type { EventHub } from './events'
import type { Logger, Redactor } from './log'
import type { Keychain } from './secrets'
import type { RefreshPolicy } from './token'

export interface CoreConfig {
  /** Where the SQLite file, logs and sandbox state live (Electron `userData`, or `--data-dir`). */
  dataDir: string
  /** Which shell hosts the core; reported to the UI. */
  shell: 'electron' | 'browser'
  version: string
  profile?: string | null
  /** Root of the Graph API without the version, e.g. `https://graph.facebook.com`. */
  graphBaseUrl: string
  clock: Clock
  log: Logger
  redactor: Redactor
  validateResults?: boolean
  /** When to refresh tokens; by default when 25% of the lifetime or 7 days remain, whichever comes first. */
  tokenPolicy?: RefreshPolicy
  /** How long a write waits for another process's SQLite lock (see store/database.ts). */
  storeBusyTimeoutMs?: number
  /** The OS keychain (keytar) unless a test hands in another. */
  keychain?: Keychain
}

/** What every concern of the core receives: the config and the shared services. */
export interface CoreContext {
  readonly config: CoreConfig
  readonly clock: Clock
  readonly events: EventHub
  readonly log: Logger
  readonly redactor: Redactor
  readonly startedAt: number
}
