import type { StatsSummary } from '../../src/shared/contract'

type Counts = { inbound: number; outbound: number; failed: number }

/** A `stats.summary` answer with these buckets (from `since`, `bucketMs` apart) and nothing else to report unless given. */
export function summaryOf(since: number, bucketMs: number, buckets: Counts[], rest: Partial<StatsSummary> = {}): StatsSummary {
  const bucket = bucketMs === 15 * 60_000 ? '15m' : bucketMs === 3_600_000 ? 'hour' : 'day'
  return {
    since,
    until: since + buckets.length * bucketMs,
    bucket,
    buckets: buckets.map((b, i) => ({ start: since + i * bucketMs, ...b })),
    funnel: { sent: 0, delivered: 0, read: 0, failed: 0 },
    failedByCode: [],
    toDelivered: { count: 0, medianMs: null, p95Ms: null },
    toRead: { count: 0, medianMs: null, p95Ms: null },
    requests: { accepted: 0, rejected: 0, verified: 0, verifyFailed: 0 },
    rejectedByReason: [],
    webhookLag: { count: 0, medianMs: null, p95Ms: null },
    templates: [],
    refreshes: [],
    graphErrors: { buckets: [], codes: [] },
    ...rest,
  }
}

export const quiet = (): Counts => ({ inbound: 0, outbound: 0, failed: 0 })
