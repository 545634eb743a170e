import type { DatabaseSync } from 'node:sqlite'
import { messageRow, type MessageRow, type RawMessage } from './inbox-queries'

export interface StatsRange {
  profileId: string
  since: number
  until: number
  bucketMs: number
}

export type FunnelStage = 'sent' | 'delivered' | 'read' | 'failed'

/** One figure of the funnel and what narrows it (a failure code, a template). */
export interface FunnelSelection extends Omit<StatsRange, 'bucketMs'> {
  stage: FunnelStage
  /** failed only; null: failed without a code. */
  code?: number | null
  template?: string
  limit: number
  offset: number
}

/** Which outbound messages each figure of the funnel counts, by the furthest status they reached: one definition for the counts and the lists. */
const reached: Record<FunnelStage, string> = {
  sent: '1',
  delivered: "status IN ('delivered', 'read')",
  read: "status = 'read'",
  failed: "status = 'failed'",
}
/** Meta's code of a failed message: the first of its errors. */
const FAILURE_CODE = "json_extract(errors, '$[0].code')"
const TEMPLATE_NAME = "json_extract(payload, '$.template.name')"
/** The outbound messages of a range, by the time they were sent; edits and deletions are not messages of their own. */
const OUTBOUND = `FROM messages WHERE profile_id = $profile AND direction = 'out' AND timestamp >= $since AND timestamp < $until AND target_wamid IS NULL`

export interface Spread {
  count: number
  medianMs: number | null
  p95Ms: number | null
}

export interface StatsRows {
  buckets: { start: number; inbound: number; outbound: number; failed: number }[]
  funnel: { sent: number; delivered: number; read: number; failed: number }
  failedByCode: { code: number | null; title: string | null; count: number }[]
  toDelivered: Spread
  toRead: Spread
  requests: { accepted: number; rejected: number; verified: number; verifyFailed: number }
  rejectedByReason: { reason: string; count: number }[]
  webhookLag: Spread
  templates: { name: string; sent: number; delivered: number; read: number; failed: number }[]
  refreshes: { at: number; outcome: string; errorCode: number | null }[]
  graphErrors: {
    buckets: { start: number; code: number | null; count: number }[]
    codes: { code: number | null; title: string | null; refused: number; failed: number; count: number }[]
  }
}

/** Codes ascending, "no code" first (as SQL orders NULL). */
const byCode = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a - b)

/**
 * The numbers behind every chart of the integration's health, each one SQL aggregate over a time
 * range of one profile. Outbound messages count by the time they were sent, and their fate by the
 * furthest status they reached (`messages.status`).
 */
export class StatsQueries {
  constructor(private readonly db: DatabaseSync) {}

  summary(range: StatsRange): StatsRows {
    const { profileId, since, until, bucketMs } = range
    const window = { profile: profileId, since, until }
    const buckets = this.db
      .prepare(
        `SELECT CAST((timestamp - $since) / $bucket AS INTEGER) AS n,
           SUM(direction = 'in') AS inbound, SUM(direction = 'out') AS outbound, SUM(direction = 'out' AND status = 'failed') AS failed
         FROM messages WHERE profile_id = $profile AND timestamp >= $since AND timestamp < $until AND target_wamid IS NULL
         GROUP BY n ORDER BY n`,
      )
      .all({ ...window, bucket: bucketMs }) as { n: number; inbound: number; outbound: number; failed: number }[]
    const count = Math.max(1, Math.ceil((until - since) / bucketMs))
    const filled = Array.from({ length: count }, (_, n) => ({ start: since + n * bucketMs, inbound: 0, outbound: 0, failed: 0 }))
    for (const row of buckets) if (row.n >= 0 && row.n < count) Object.assign(filled[row.n]!, { inbound: row.inbound, outbound: row.outbound, failed: row.failed })

    const outbound = OUTBOUND
    const funnel = this.db
      .prepare(`SELECT COUNT(*) AS sent, SUM(${reached.delivered}) AS delivered, SUM(${reached.read}) AS read, SUM(${reached.failed}) AS failed ${outbound}`)
      .get(window) as { sent: number; delivered: number | null; read: number | null; failed: number | null }
    const failedByCode = this.db
      .prepare(
        `SELECT ${FAILURE_CODE} AS code, json_extract(errors, '$[0].title') AS title, COUNT(*) AS count
         ${outbound} AND ${reached.failed} GROUP BY code ORDER BY count DESC`,
      )
      .all(window) as { code: number | null; title: string | null; count: number }[]
    const templates = this.db
      .prepare(
        `SELECT ${TEMPLATE_NAME} AS name, COUNT(*) AS sent, SUM(${reached.delivered}) AS delivered, SUM(${reached.read}) AS read, SUM(${reached.failed}) AS failed
         ${outbound} AND type = 'template' GROUP BY name HAVING name IS NOT NULL ORDER BY sent DESC`,
      )
      .all(window) as { name: string; sent: number; delivered: number; read: number; failed: number }[]

    const requests = this.db
      .prepare(
        `SELECT SUM(verdict = 'accepted') AS accepted, SUM(verdict = 'rejected') AS rejected, SUM(verdict = 'verified') AS verified, SUM(verdict = 'verify_failed') AS verifyFailed
         FROM webhook_requests WHERE received_at >= $since AND received_at < $until AND (profile_id = $profile OR profile_id IS NULL)`,
      )
      .get(window) as Record<'accepted' | 'rejected' | 'verified' | 'verifyFailed', number | null>
    const rejectedByReason = this.db
      .prepare(
        `SELECT COALESCE(reason, 'no reason recorded') AS reason, COUNT(*) AS count FROM webhook_requests
         WHERE received_at >= $since AND received_at < $until AND verdict IN ('rejected', 'verify_failed') AND (profile_id = $profile OR profile_id IS NULL)
         GROUP BY reason ORDER BY count DESC LIMIT 20`,
      )
      .all(window) as { reason: string; count: number }[]

    const graphErrors = this.graphErrors(window, bucketMs, count, failedByCode, outbound)

    const refreshes = this.db
      .prepare('SELECT at, outcome, error_code AS errorCode FROM refresh_log WHERE profile_id = $profile AND at >= $since AND at < $until ORDER BY at')
      .all(window) as { at: number; outcome: string; errorCode: number | null }[]

    return {
      buckets: filled,
      funnel: { sent: funnel.sent, delivered: funnel.delivered ?? 0, read: funnel.read ?? 0, failed: funnel.failed ?? 0 },
      failedByCode,
      toDelivered: this.spread(
        `SELECT MIN(s.timestamp) - m.timestamp AS d FROM messages m JOIN statuses s ON s.wamid = m.wamid AND s.status IN ('delivered', 'read')
         WHERE m.profile_id = $profile AND m.direction = 'out' AND m.timestamp >= $since AND m.timestamp < $until GROUP BY m.id`,
        window,
      ),
      toRead: this.spread(
        `SELECT MIN(s.timestamp) - m.timestamp AS d FROM messages m JOIN statuses s ON s.wamid = m.wamid AND s.status = 'read'
         WHERE m.profile_id = $profile AND m.direction = 'out' AND m.timestamp >= $since AND m.timestamp < $until GROUP BY m.id`,
        window,
      ),
      requests: { accepted: requests.accepted ?? 0, rejected: requests.rejected ?? 0, verified: requests.verified ?? 0, verifyFailed: requests.verifyFailed ?? 0 },
      rejectedByReason,
      // Meta's event time to its arrival here: inbound messages and statuses, by the request that brought them.
      webhookLag: this.spread(
        `SELECT r.received_at - m.timestamp AS d FROM messages m JOIN webhook_requests r ON r.id = m.request_id
         WHERE m.profile_id = $profile AND m.direction = 'in' AND r.received_at >= $since AND r.received_at < $until
         UNION ALL
         SELECT r.received_at - s.timestamp FROM statuses s JOIN webhook_requests r ON r.id = s.request_id
         WHERE r.profile_id = $profile AND r.received_at >= $since AND r.received_at < $until`,
        window,
      ),
      templates,
      refreshes,
      graphErrors,
    }
  }

  /** The outbound messages one figure of the funnel counts (narrowed as asked), newest first, and how many there are. */
  messages(selection: FunnelSelection): { rows: MessageRow[]; total: number } {
    const { profileId, since, until, stage, code, template, limit, offset } = selection
    const values: Record<string, string | number> = { profile: profileId, since, until }
    let where = `${OUTBOUND} AND ${reached[stage]}`
    if (code === null) where += ` AND ${FAILURE_CODE} IS NULL`
    else if (code !== undefined) {
      where += ` AND ${FAILURE_CODE} = $code`
      values.code = code
    }
    if (template !== undefined) {
      where += ` AND type = 'template' AND ${TEMPLATE_NAME} = $template`
      values.template = template
    }
    const total = (this.db.prepare(`SELECT COUNT(*) AS n ${where}`).get(values) as { n: number }).n
    const rows = total <= offset ? [] : (this.db.prepare(`SELECT * ${where} ORDER BY timestamp DESC, id DESC LIMIT $limit OFFSET $offset`).all({ ...values, limit, offset }) as unknown as RawMessage[])
    return { rows: rows.map(messageRow), total }
  }

  /**
   * Graph's error codes of the range: sends refused at once (`refused_sends`, by when they were
   * refused) and outbound messages that failed (by when they were sent, as the funnel counts them).
   */
  private graphErrors(
    window: { profile: string; since: number; until: number },
    bucketMs: number,
    bucketCount: number,
    failedByCode: StatsRows['failedByCode'],
    outbound: string,
  ): StatsRows['graphErrors'] {
    const refusedIn = 'FROM refused_sends WHERE profile_id = $profile AND at >= $since AND at < $until'
    const perBucket = [
      ...(this.db
        .prepare(`SELECT CAST((at - $since) / $bucket AS INTEGER) AS n, code, COUNT(*) AS count ${refusedIn} GROUP BY n, code`)
        .all({ ...window, bucket: bucketMs }) as { n: number; code: number | null; count: number }[]),
      ...(this.db
        .prepare(`SELECT CAST((timestamp - $since) / $bucket AS INTEGER) AS n, ${FAILURE_CODE} AS code, COUNT(*) AS count ${outbound} AND ${reached.failed} GROUP BY n, code`)
        .all({ ...window, bucket: bucketMs }) as { n: number; code: number | null; count: number }[]),
    ]
    const buckets = new Map<string, { n: number; code: number | null; count: number }>()
    for (const row of perBucket) {
      if (row.n < 0 || row.n >= bucketCount) continue
      const key = `${row.n}:${row.code}`
      const seen = buckets.get(key)
      if (seen) seen.count += row.count
      else buckets.set(key, { ...row })
    }

    // With MAX(at), SQLite takes `title` from the code's latest refusal.
    const refused = this.db.prepare(`SELECT code, COUNT(*) AS count, title, MAX(at) AS last ${refusedIn} GROUP BY code`).all(window) as {
      code: number | null
      count: number
      title: string | null
    }[]
    const codes = new Map<number | null, StatsRows['graphErrors']['codes'][number]>()
    for (const row of failedByCode) codes.set(row.code, { code: row.code, title: row.title, refused: 0, failed: row.count, count: row.count })
    for (const row of refused) {
      const seen = codes.get(row.code)
      if (seen) Object.assign(seen, { title: seen.title ?? row.title, refused: row.count, count: seen.count + row.count })
      else codes.set(row.code, { code: row.code, title: row.title, refused: row.count, failed: 0, count: row.count })
    }
    return {
      buckets: [...buckets.values()].sort((a, b) => a.n - b.n || byCode(a.code, b.code)).map((row) => ({ start: window.since + row.n * bucketMs, code: row.code, count: row.count })),
      codes: [...codes.values()].sort((a, b) => b.count - a.count || byCode(a.code, b.code)),
    }
  }

  /** Median and 95th percentile of durations (negative ones, from clocks that disagree, count as 0). */
  private spread(select: string, values: Record<string, string | number>): Spread {
    const durations = `SELECT MAX(d, 0) AS d FROM (${select})`
    const count = (this.db.prepare(`SELECT COUNT(*) AS n FROM (${durations})`).get(values) as { n: number }).n
    if (count === 0) return { count, medianMs: null, p95Ms: null }
    const at = (fraction: number) =>
      (this.db.prepare(`${durations} ORDER BY d LIMIT 1 OFFSET $offset`).get({ ...values, offset: Math.min(count - 1, Math.floor(fraction * count)) }) as { d: number }).d
    return { count, medianMs: at(0.5), p95Ms: at(0.95) }
  }
}
