import { describe, expect, it } from 'vitest'
import type { StatsSummary } from '../../src/shared/contract'
import { summaryOf } from '../support/summary'
import { refreshLabel, STRIP_HALF, STRIP_WIDTH, stripGeometry } from '../../src/renderer/src/screens/overview/day-strip'

const since = Date.UTC(2026, 11, 1, 12)
const quarter = 15 * 60_000
const day = (buckets: { inbound: number; outbound: number; failed: number }[], refreshes: StatsSummary['refreshes'] = []): StatsSummary =>
  summaryOf(since, quarter, buckets, { refreshes })

describe('the Overview’s 24-hour strip', () => {
  it('scales both directions to the busiest bucket, keeps a single message visible, and leaves empty buckets flat', () => {
    const { bars, peak } = stripGeometry(day([{ inbound: 40, outbound: 10, failed: 2 }, { inbound: 0, outbound: 0, failed: 0 }, { inbound: 1, outbound: 40, failed: 0 }]))
    expect(peak).toBe(40)
    expect(bars.map((b) => b.x)).toEqual([0, STRIP_WIDTH / 3, (2 * STRIP_WIDTH) / 3])
    expect(bars[0]).toMatchObject({ inbound: STRIP_HALF, outbound: STRIP_HALF / 4, failed: STRIP_HALF / 20 })
    expect(bars[1]).toMatchObject({ inbound: 0, outbound: 0, failed: 0 })
    expect(bars[2]!.inbound).toBe(1)
  })

  it('puts each refresh on the time axis, a 190 named as such', () => {
    const { marks } = stripGeometry(
      day(Array.from({ length: 4 }, () => ({ inbound: 0, outbound: 0, failed: 0 })), [
        { at: since + quarter, outcome: 'success', errorCode: null },
        { at: since + 2 * quarter, outcome: 'failure', errorCode: 190 },
      ]),
    )
    expect(marks).toEqual([
      { x: STRIP_WIDTH / 4, at: since + quarter, tone: 'ok', label: 'token refreshed' },
      { x: STRIP_WIDTH / 2, at: since + 2 * quarter, tone: 'danger', label: 'token expired or invalid (Graph 190)' },
    ])
    expect(refreshLabel('no_gain', null)).toBe('refresh gained nothing')
    expect(refreshLabel('failure', 4)).toBe('refresh failed (Graph 4)')
  })
})
