import type { DatabaseSync } from 'node:sqlite'
import type { LoggedStrategy } from '@shared/contract'

export type RefreshTrigger = 'manual' | 'scheduled' | 'on_190' | 'startup' | 'cli'
export type RefreshOutcome = 'success' | 'failure' | 'skipped' | 'no_gain'

export interface RefreshLogEntry {
  id: number
  profileId: string
  at: number
  trigger: RefreshTrigger
  strategy: LoggedStrategy
  outcome: RefreshOutcome
  oldExpiresAt: number | null
  newExpiresAt: number | null
  errorCode: number | null
  errorSubcode: number | null
  errorMessage: string | null
  fbtraceId: string | null
  durationMs: number
  note: string | null
}

interface Raw {
  id: number
  profile_id: string
  at: number
  trigger: RefreshTrigger
  strategy: LoggedStrategy
  outcome: RefreshOutcome
  old_expires_at: number | null
  new_expires_at: number | null
  error_code: number | null
  error_subcode: number | null
  error_message: string | null
  fbtrace_id: string | null
  duration_ms: number
  note: string | null
}

const fromRaw = (r: Raw): RefreshLogEntry => ({
  id: r.id,
  profileId: r.profile_id,
  at: r.at,
  trigger: r.trigger,
  strategy: r.strategy,
  outcome: r.outcome,
  oldExpiresAt: r.old_expires_at,
  newExpiresAt: r.new_expires_at,
  errorCode: r.error_code,
  errorSubcode: r.error_subcode,
  errorMessage: r.error_message,
  fbtraceId: r.fbtrace_id,
  durationMs: r.duration_ms,
  note: r.note,
})

export class RefreshLogTable {
  constructor(private readonly db: DatabaseSync) {}

  add(entry: Omit<RefreshLogEntry, 'id'>): RefreshLogEntry {
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO refresh_log (profile_id, at, trigger, strategy, outcome, old_expires_at, new_expires_at, error_code, error_subcode, error_message, fbtrace_id, duration_ms, note)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          entry.profileId,
          entry.at,
          entry.trigger,
          entry.strategy,
          entry.outcome,
          entry.oldExpiresAt,
          entry.newExpiresAt,
          entry.errorCode,
          entry.errorSubcode,
          entry.errorMessage,
          entry.fbtraceId,
          entry.durationMs,
          entry.note,
        ).lastInsertRowid,
    )
    return { ...entry, id }
  }

  list(profileId: string, limit: number, options: { outcome?: RefreshOutcome; beforeId?: number } = {}): RefreshLogEntry[] {
    const where = ['profile_id = ?']
    const args: (string | number)[] = [profileId]
    if (options.outcome) {
      where.push('outcome = ?')
      args.push(options.outcome)
    }
    if (options.beforeId !== undefined) {
      where.push('id < ?')
      args.push(options.beforeId)
    }
    const rows = this.db.prepare(`SELECT * FROM refresh_log WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ?`).all(...args, limit)
    return (rows as unknown as Raw[]).map(fromRaw)
  }
}
