import type { LoginItem } from './app'
import type { Clock } from './clock'
import type { ForwardPolicy } from './forward'
import type { EventHub } from './events'
import type { Logger, Redactor } from './log'
import type { Keychain } from './secrets'
import type { RefreshPolicy } from './token'
import type { TunnelHostOptions } from './tunnel'

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
  /** How tunnels are hosted (the environment cloudflared sees, its path): set by `switchboard serve`. */
  tunnelHost?: TunnelHostOptions
  /** How forwards are retried and paused; tests and benchmarks shorten the waits. */
  forwardPolicy?: Partial<ForwardPolicy>
  /** The OS keychain (keytar) unless a test hands in another. */
  keychain?: Keychain
  /** Starting at login, registered with the OS: only the installed desktop app hands one in. */
  loginItem?: LoginItem
}

/** What every concern of the core receives: the config and the shared services. */
export interface CoreContext {
  readonly config: CoreConfig
  readonly clock: Clock
  readonly events: EventHub
  readonly log: Logger
  readonly redactor: Redactor
  readonly startedAt: number
  /** Tells the operator (the UI's notices, and the log): the message is redacted before it goes anywhere. */
  notify(level: NoticeLevel, message: string): void
}

export type NoticeLevel = 'info' | 'warning' | 'error'

/** The one way a concern raises a notice: redacted, stamped with the clock, and logged under the concern's name. */
export function contextFor(base: Omit<CoreContext, 'notify'>, log: Logger): CoreContext {
  return {
    ...base,
    log,
    notify(level, message) {
      const redacted = base.redactor.redact(message)
      log[level === 'warning' ? 'warn' : level]('notice', { notice: redacted })
      base.events.emit('app.notice', { level, message: redacted, at: base.clock.now() })
    },
  }
}
