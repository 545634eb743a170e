import type { StatsSummary } from '@shared/contract'

/** Where a live chart's tail query starts: its last bucket, which is still filling. */
export function tailSince(summary: StatsSummary): number {
  return summary.buckets.at(-1)?.start ?? summary.since
}

/**
 * A live range moved forward: the tail (the summary from the last bucket's start to now, on the
 * same bucket grid) replaces that bucket, adds the buckets that began since, and the range drops
 * as many from its start so its span stays the same. Only the time series move this way; the
 * range-wide figures (funnel, times, templates) are the last full read's.
 */
export function mergeTail(summary: StatsSummary, tail: StatsSummary): StatsSummary {
  if (tail.bucket !== summary.bucket || tail.since !== tailSince(summary) || tail.buckets.length === 0) return summary
  const buckets = [...summary.buckets.filter((b) => b.start < tail.since), ...tail.buckets]
  // Each bucket that began since the last read pushes the oldest one out: the span stays the same.
  const trimmed = buckets.slice(Math.max(0, buckets.length - summary.buckets.length))
  const since = trimmed[0]!.start
  return {
    ...summary,
    since,
    until: Math.max(summary.until, tail.until),
    buckets: trimmed,
    refreshes: [...summary.refreshes.filter((r) => r.at >= since && r.at < tail.since), ...tail.refreshes],
    graphErrors: {
      ...summary.graphErrors,
      buckets: [...summary.graphErrors.buckets.filter((b) => b.start >= since && b.start < tail.since), ...tail.graphErrors.buckets],
    },
  }
}
