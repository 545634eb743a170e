import type { DatabaseSync, StatementSync } from 'node:sqlite'

export interface ForwardTargetRow {
  id: number
  profileId: string
  url: string
  enabled: boolean
  /** Signed anew with the target's own secret (kept in the keychain) instead of Meta's signature. */
  resign: boolean
  /** Meta's GET handshakes go to the target too. */
  passVerification: boolean
  createdAt: number
  pausedAt: number | null
}

export type ForwardJobKind = 'live' | 'replay' | 'edited'
export type ForwardJobState = 'pending' | 'delivered' | 'expired'

/** A job ready to send: the stored request (or the operator's edited body) and how Meta sent it. */
export interface DueJob {
  id: number
  targetId: number
  requestId: number
  kind: ForwardJobKind
  attempts: number
  createdAt: number
  method: string
  path: string
  headers: Record<string, string>
  body: string | null
}

export interface ForwardAttempt {
  at: number
  /** The bot's HTTP status; null when it could not be reached. */
  status: number | null
  error: string | null
  latencyMs: number
  /** The start of the bot's answer (up to 1 KiB). */
  answer: string | null
}

/** What one attempt did to its job: delivered, to be tried again at `nextAt`, or given up (`nextAt` null). */
export interface AttemptOutcome extends ForwardAttempt {
  jobId: number
  delivered: boolean
  nextAt: number | null
}

export interface ForwardJobRow {
  id: number
  targetId: number
  targetUrl: string
  requestId: number
  kind: ForwardJobKind
  state: ForwardJobState
  createdAt: number
  nextAt: number
  doneAt: number | null
  attempts: ForwardAttempt[]
}

export interface ForwardCounts {
  pending: number
  /** Pending jobs that failed at least once. */
  retrying: number
  delivered: number
  expired: number
}

/** Which stored deliveries a replay sends again. */
export interface ReplaySelection {
  profileId: string
  since?: number
  until?: number
  /** A conversation: deliveries that carried its messages or their statuses. */
  contact?: string
  /** Only deliveries this target has not received. */
  failuresOnly?: { targetId: number }
  limit: number
}

interface TargetDbRow {
  id: number
  profile_id: string
  url: string
  enabled: number
  resign: number
  pass_verification: number
  created_at: number
  paused_at: number | null
}

const targetOf = (row: TargetDbRow): ForwardTargetRow => ({
  id: row.id,
  profileId: row.profile_id,
  url: row.url,
  enabled: row.enabled === 1,
  resign: row.resign === 1,
  passVerification: row.pass_verification === 1,
  createdAt: row.created_at,
  pausedAt: row.paused_at,
})

interface DueDbRow {
  id: number
  target_id: number
  request_id: number
  kind: ForwardJobKind
  attempts: number
  created_at: number
  method: string
  path: string
  headers: string
  body: string | null
}

const dueOf = (row: DueDbRow): DueJob => ({
  id: row.id,
  targetId: row.target_id,
  requestId: row.request_id,
  kind: row.kind,
  attempts: row.attempts,
  createdAt: row.created_at,
  method: row.method,
  path: row.path,
  headers: JSON.parse(row.headers) as Record<string, string>,
  body: row.body,
})

const DUE_COLUMNS = `j.id, j.target_id, j.request_id, j.kind, j.attempts, j.created_at, r.method, r.path, r.headers, COALESCE(j.body, r.body) AS body`

/** Forward targets, the outbox of jobs to them, and every attempt. The caller owns transactions. */
export class ForwardTable {
  private readonly enqueueLiveStatement: StatementSync
  private readonly dueStatement: StatementSync
  private readonly insertAttempt: StatementSync
  private readonly markDelivered: StatementSync
  private readonly markRetry: StatementSync
  private readonly markExpired: StatementSync

  constructor(private readonly db: DatabaseSync) {
    // One statement per accepted delivery, inside its commit: a job for every enabled target of the profile.
    this.enqueueLiveStatement = db.prepare(
      `INSERT INTO forward_jobs (target_id, request_id, kind, state, created_at, next_at)
       SELECT id, ?1, 'live', 'pending', ?2, ?2 FROM forward_targets
       WHERE profile_id = ?3 AND enabled = 1 AND (?4 = 'POST' OR pass_verification = 1)`,
    )
    this.dueStatement = db.prepare(
      `SELECT ${DUE_COLUMNS} FROM forward_jobs j JOIN webhook_requests r ON r.id = j.request_id
       WHERE j.target_id = ? AND j.state = 'pending' AND j.next_at <= ? ORDER BY j.next_at, j.id LIMIT ?`,
    )
    // A job may be gone by the time its attempt ends (its target removed, its request past retention).
    this.insertAttempt = db.prepare(
      'INSERT INTO forward_attempts (job_id, at, status, error, latency_ms, answer) SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE EXISTS (SELECT 1 FROM forward_jobs WHERE id = ?1)',
    )
    this.markDelivered = db.prepare(
      `UPDATE forward_jobs SET state = 'delivered', attempts = attempts + 1, done_at = ?, last_status = ?, last_error = NULL WHERE id = ? AND state = 'pending'`,
    )
    this.markRetry = db.prepare(`UPDATE forward_jobs SET attempts = attempts + 1, next_at = ?, last_status = ?, last_error = ? WHERE id = ? AND state = 'pending'`)
    this.markExpired = db.prepare(
      `UPDATE forward_jobs SET state = 'expired', attempts = attempts + 1, done_at = ?, last_status = ?, last_error = ? WHERE id = ? AND state = 'pending'`,
    )
  }

  targets(profileId?: string): ForwardTargetRow[] {
    const rows = (
      profileId === undefined
        ? this.db.prepare('SELECT * FROM forward_targets ORDER BY id').all()
        : this.db.prepare('SELECT * FROM forward_targets WHERE profile_id = ? ORDER BY id').all(profileId)
    ) as unknown as TargetDbRow[]
    return rows.map(targetOf)
  }

  target(id: number): ForwardTargetRow | undefined {
    const row = this.db.prepare('SELECT * FROM forward_targets WHERE id = ?').get(id) as TargetDbRow | undefined
    return row ? targetOf(row) : undefined
  }

  findTarget(profileId: string, url: string): ForwardTargetRow | undefined {
    const row = this.db.prepare('SELECT * FROM forward_targets WHERE profile_id = ? AND url = ?').get(profileId, url) as TargetDbRow | undefined
    return row ? targetOf(row) : undefined
  }

  addTarget(profileId: string, url: string, options: { resign: boolean; passVerification: boolean }, now: number): ForwardTargetRow {
    const row = this.db
      .prepare('INSERT INTO forward_targets (profile_id, url, resign, pass_verification, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *')
      .get(profileId, url, options.resign ? 1 : 0, options.passVerification ? 1 : 0, now) as unknown as TargetDbRow
    return targetOf(row)
  }

  updateTarget(id: number, changes: { enabled?: boolean; resign?: boolean; passVerification?: boolean }): void {
    const flag = (value: boolean | undefined) => (value === undefined ? null : value ? 1 : 0)
    this.db
      .prepare(
        `UPDATE forward_targets SET enabled = COALESCE(?, enabled), resign = COALESCE(?, resign), pass_verification = COALESCE(?, pass_verification) WHERE id = ?`,
      )
      .run(flag(changes.enabled), flag(changes.resign), flag(changes.passVerification), id)
  }

  /** Removes a target with its jobs and their attempts. */
  removeTarget(id: number): void {
    this.db.prepare('DELETE FROM forward_targets WHERE id = ?').run(id)
  }

  setPaused(id: number, at: number | null): void {
    this.db.prepare('UPDATE forward_targets SET paused_at = ? WHERE id = ?').run(at, id)
  }

  /** Called inside the delivery's own commit: a job for each enabled target (GET handshakes only where passed through). */
  enqueueLive(requestId: number, profileId: string, method: string, now: number): void {
    this.enqueueLiveStatement.run(requestId, now, profileId, method)
  }

  /** Jobs of a target due by `now`, soonest first. */
  due(targetId: number, now: number, limit: number): DueJob[] {
    return (this.dueStatement.all(targetId, now, limit) as unknown as DueDbRow[]).map(dueOf)
  }

  /** The pending job a paused target is probed with: the oldest, whenever it is due. */
  oldestPending(targetId: number): DueJob | undefined {
    const row = this.db
      .prepare(
        `SELECT ${DUE_COLUMNS} FROM forward_jobs j JOIN webhook_requests r ON r.id = j.request_id
         WHERE j.target_id = ? AND j.state = 'pending' ORDER BY j.next_at, j.id LIMIT 1`,
      )
      .get(targetId) as DueDbRow | undefined
    return row ? dueOf(row) : undefined
  }

  /** When the oldest pending job (of any target) was queued. */
  oldestPendingCreatedAt(): number | null {
    return (this.db.prepare(`SELECT MIN(created_at) AS at FROM forward_jobs WHERE state = 'pending'`).get() as { at: number | null }).at
  }

  /** When the target's next pending job is due, if it has one. */
  nextDue(targetId: number): number | null {
    const row = this.db.prepare(`SELECT MIN(next_at) AS at FROM forward_jobs WHERE target_id = ? AND state = 'pending'`).get(targetId) as { at: number | null }
    return row.at
  }

  /** Writes attempts and what they did to their jobs. */
  record(outcomes: readonly AttemptOutcome[]): void {
    for (const outcome of outcomes) {
      this.insertAttempt.run(outcome.jobId, outcome.at, outcome.status, outcome.error, outcome.latencyMs, outcome.answer)
      if (outcome.delivered) this.markDelivered.run(outcome.at, outcome.status, outcome.jobId)
      else if (outcome.nextAt === null) this.markExpired.run(outcome.at, outcome.status, outcome.error, outcome.jobId)
      else this.markRetry.run(outcome.nextAt, outcome.status, outcome.error, outcome.jobId)
    }
  }

  /** Every pending job of the target due now (it answers again, or the operator asked). */
  dueNow(targetId: number, now: number): number {
    return Number(this.db.prepare(`UPDATE forward_jobs SET next_at = ? WHERE target_id = ? AND state = 'pending' AND next_at > ?`).run(now, targetId, now).changes)
  }

  /** Gives up on pending jobs created at or before `before` (the retry horizon). */
  expire(before: number, now: number): number {
    return Number(
      this.db
        .prepare(`UPDATE forward_jobs SET state = 'expired', done_at = ?, last_error = COALESCE(last_error, 'not delivered within the retry horizon') WHERE state = 'pending' AND created_at <= ?`)
        .run(now, before).changes,
    )
  }

  /** Expired jobs of a target (every target: null) start again from now. */
  revive(targetId: number | null, now: number): number {
    return Number(
      this.db
        .prepare(`UPDATE forward_jobs SET state = 'pending', created_at = ?1, next_at = ?1, done_at = NULL WHERE state = 'expired' AND (?2 IS NULL OR target_id = ?2)`)
        .run(now, targetId).changes,
    )
  }

  counts(targetId: number): ForwardCounts {
    const rows = this.db
      .prepare(
        `SELECT state, COUNT(*) AS n, SUM(attempts > 0) AS tried FROM forward_jobs WHERE target_id = ? GROUP BY state`,
      )
      .all(targetId) as { state: ForwardJobState; n: number; tried: number }[]
    const counts: ForwardCounts = { pending: 0, retrying: 0, delivered: 0, expired: 0 }
    for (const row of rows) {
      counts[row.state] = row.n
      if (row.state === 'pending') counts.retrying = row.tried
    }
    return counts
  }

  /** Queues the given stored deliveries again for a target; returns how many jobs were added. */
  enqueue(targetId: number, requestIds: readonly number[], kind: Exclude<ForwardJobKind, 'live'>, body: string | null, now: number): number {
    // Only deliveries the listener accepted, for the target's own profile: a refused (forged) request never reaches the bot.
    const insert = this.db.prepare(
      `INSERT INTO forward_jobs (target_id, request_id, kind, body, state, created_at, next_at)
       SELECT t.id, r.id, ?2, ?3, 'pending', ?4, ?4 FROM webhook_requests r JOIN forward_targets t ON t.id = ?1
       WHERE r.id = ?5 AND r.verdict = 'accepted' AND r.profile_id = t.profile_id`,
    )
    let added = 0
    for (const id of requestIds) added += Number(insert.run(targetId, kind, body, now, id).changes)
    return added
  }

  /** Accepted deliveries matching a replay selection, oldest first. */
  replayable(selection: ReplaySelection): number[] {
    const where = [`r.verdict = 'accepted'`, 'r.profile_id = $profile']
    const values: Record<string, string | number> = { profile: selection.profileId, limit: Math.floor(selection.limit) }
    if (selection.since !== undefined) {
      where.push('r.received_at >= $since')
      values.since = selection.since
    }
    if (selection.until !== undefined) {
      where.push('r.received_at <= $until')
      values.until = selection.until
    }
    if (selection.contact !== undefined) {
      where.push(`r.id IN (
        SELECT request_id FROM messages WHERE profile_id = $profile AND contact = $contact AND request_id IS NOT NULL
        UNION SELECT s.request_id FROM statuses s JOIN messages m ON m.wamid = s.wamid
          WHERE m.profile_id = $profile AND m.contact = $contact AND s.request_id IS NOT NULL)`)
      values.contact = selection.contact
    }
    if (selection.failuresOnly) {
      where.push(`NOT EXISTS (SELECT 1 FROM forward_jobs j WHERE j.request_id = r.id AND j.target_id = $target AND j.state = 'delivered')`)
      values.target = selection.failuresOnly.targetId
    }
    const sql = `SELECT r.id FROM webhook_requests r WHERE ${where.join(' AND ')} ORDER BY r.id LIMIT $limit`
    return (this.db.prepare(sql).all(values) as { id: number }[]).map((row) => row.id)
  }

  /** Every forward of a stored request, with its attempts: for the request inspector. */
  jobsFor(requestId: number): ForwardJobRow[] {
    const jobs = this.db
      .prepare(
        `SELECT j.id, j.target_id, t.url, j.request_id, j.kind, j.state, j.created_at, j.next_at, j.done_at
         FROM forward_jobs j JOIN forward_targets t ON t.id = j.target_id WHERE j.request_id = ? ORDER BY j.id`,
      )
      .all(requestId) as {
      id: number
      target_id: number
      url: string
      request_id: number
      kind: ForwardJobKind
      state: ForwardJobState
      created_at: number
      next_at: number
      done_at: number | null
    }[]
    const attempts = this.db.prepare('SELECT at, status, error, latency_ms, answer FROM forward_attempts WHERE job_id = ? ORDER BY at, rowid')
    return jobs.map((job) => ({
      id: job.id,
      targetId: job.target_id,
      targetUrl: job.url,
      requestId: job.request_id,
      kind: job.kind,
      state: job.state,
      createdAt: job.created_at,
      nextAt: job.next_at,
      doneAt: job.done_at,
      attempts: (attempts.all(job.id) as { at: number; status: number | null; error: string | null; latency_ms: number; answer: string | null }[]).map((a) => ({
        at: a.at,
        status: a.status,
        error: a.error,
        latencyMs: a.latency_ms,
        answer: a.answer,
      })),
    }))
  }
}
