import type { StatsSummary } from '@shared/contract'
import { api } from '../api'
import { CoalescedRefresh } from './coalesced-refresh'
import { mergeTail, tailSince } from './stats-tail'

/** New deliveries reach a live chart's last buckets within this. */
const TAIL_MS = 1_000
/** The range-wide figures (funnel, times, templates) are read again at most this often. */
const FULL_MS = 30_000

/**
 * Keeps the summary of a range that ends now moving as webhooks arrive: each change re-reads only
 * the tail (the last bucket onwards) and merges it in, and the whole range is read again at a
 * slower pace. A summary of a range in the past does not move.
 */
export class LiveSummary {
  private readonly tail = new CoalescedRefresh(TAIL_MS, () => this.readTail())
  private readonly full: CoalescedRefresh

  constructor(
    private readonly current: () => StatsSummary | null,
    private readonly replace: (summary: StatsSummary) => void,
    reload: () => Promise<void>,
  ) {
    this.full = new CoalescedRefresh(FULL_MS, reload)
  }

  changed(): void {
    if (!this.current()) return
    this.tail.add([])
    this.full.add([])
  }

  cancel(): void {
    this.tail.cancel()
    this.full.cancel()
  }

  private async readTail(): Promise<void> {
    const base = this.current()
    if (!base) return
    const result = await api().stats.summary({ since: tailSince(base), bucket: base.bucket })
    const now = this.current()
    if (!result.ok || !now) return
    this.replace(mergeTail(now, result.value))
  }
}
