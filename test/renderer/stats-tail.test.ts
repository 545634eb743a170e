import { describe, expect, it } from 'vitest'
import { mergeTail, tailSince } from '../../src/renderer/src/stores/stats-tail'
import { quiet, summaryOf } from '../support/summary'

const hour = 3_600_000
const since = Date.UTC(2026, 11, 1, 0)

describe('a live chart’s tail', () => {
  const range = summaryOf(since, hour, [{ inbound: 5, outbound: 1, failed: 0 }, quiet(), { inbound: 2, outbound: 0, failed: 0 }], {
    refreshes: [{ at: since + 10, outcome: 'success', errorCode: null }],
    graphErrors: { buckets: [{ start: since + 2 * hour, code: 131047, count: 1 }], codes: [] },
    funnel: { sent: 9, delivered: 7, read: 3, failed: 1 },
  })

  it('replaces the bucket still filling, and keeps the rest and the range-wide figures as they were', () => {
    expect(tailSince(range)).toBe(since + 2 * hour)
    const tail = summaryOf(since + 2 * hour, hour, [{ inbound: 4, outbound: 1, failed: 1 }], {
      graphErrors: { buckets: [{ start: since + 2 * hour, code: 131047, count: 2 }], codes: [] },
    })
    const merged = mergeTail(range, { ...tail, until: since + 2 * hour + 30 * 60_000 })
    expect(merged.buckets.map((b) => b.inbound)).toEqual([5, 0, 4])
    expect(merged.since).toBe(since)
    expect(merged.graphErrors.buckets).toEqual([{ start: since + 2 * hour, code: 131047, count: 2 }])
    expect(merged.refreshes).toHaveLength(1)
    expect(merged.funnel).toEqual(range.funnel)
  })

  it('moves forward by the buckets that began since, dropping as many from the start (and their refreshes)', () => {
    const tail = summaryOf(since + 2 * hour, hour, [{ inbound: 2, outbound: 0, failed: 0 }, { inbound: 1, outbound: 0, failed: 0 }], {
      refreshes: [{ at: since + 3 * hour + 5, outcome: 'failure', errorCode: 190 }],
    })
    const merged = mergeTail(range, tail)
    expect(merged.buckets.map((b) => [b.start, b.inbound])).toEqual([
      [since + hour, 0],
      [since + 2 * hour, 2],
      [since + 3 * hour, 1],
    ])
    expect(merged.since).toBe(since + hour)
    expect(merged.until).toBe(tail.until)
    expect(merged.refreshes).toEqual([{ at: since + 3 * hour + 5, outcome: 'failure', errorCode: 190 }])
    expect(merged.graphErrors.buckets).toEqual([])
  })

  it('ignores a tail read for another range or bucket size (the range changed meanwhile)', () => {
    expect(mergeTail(range, summaryOf(since + hour, hour, [quiet()]))).toBe(range)
    expect(mergeTail(range, summaryOf(since + 2 * hour, 15 * 60_000, [quiet()]))).toBe(range)
  })
})
