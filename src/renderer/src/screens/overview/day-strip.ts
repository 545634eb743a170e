import type { StatsSummary } from '@shared/contract'

export const STRIP_WIDTH = 960
export const STRIP_HALF = 40

export interface StripBar {
  x: number
  width: number
  start: number
  /** Height above the axis (inbound) and below it (outbound, with its failed part). */
  inbound: number
  outbound: number
  failed: number
  counts: { inbound: number; outbound: number; failed: number }
}

export interface StripMark {
  x: number
  at: number
  tone: 'ok' | 'danger' | 'muted'
  label: string
}

/** Where each bucket's bars and each refresh go on the strip; heights share one scale for both directions. */
export function stripGeometry(day: StatsSummary): { bars: StripBar[]; marks: StripMark[]; peak: number } {
  const width = STRIP_WIDTH / Math.max(1, day.buckets.length)
  const peak = Math.max(1, ...day.buckets.map((b) => Math.max(b.inbound, b.outbound)))
  const scale = (n: number) => (n === 0 ? 0 : Math.max(1, (n / peak) * STRIP_HALF))
  const bars = day.buckets.map((bucket, index) => ({
    x: index * width,
    width,
    start: bucket.start,
    inbound: scale(bucket.inbound),
    outbound: scale(bucket.outbound),
    failed: scale(bucket.failed),
    counts: { inbound: bucket.inbound, outbound: bucket.outbound, failed: bucket.failed },
  }))
  const span = day.until - day.since
  const marks = day.refreshes.map((refresh) => ({
    x: ((refresh.at - day.since) / span) * STRIP_WIDTH,
    at: refresh.at,
    tone: refresh.outcome === 'success' ? ('ok' as const) : refresh.outcome === 'failure' ? ('danger' as const) : ('muted' as const),
    label: refreshLabel(refresh.outcome, refresh.errorCode),
  }))
  return { bars, marks, peak }
}

export function refreshLabel(outcome: string, errorCode: number | null): string {
  if (errorCode === 190) return 'token expired or invalid (Graph 190)'
  const text = outcome === 'success' ? 'token refreshed' : outcome === 'no_gain' ? 'refresh gained nothing' : outcome === 'skipped' ? 'refresh skipped' : 'refresh failed'
  return errorCode === null ? text : `${text} (Graph ${errorCode})`
}
