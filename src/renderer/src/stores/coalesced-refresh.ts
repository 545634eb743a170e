/**
 * Turns a stream of "these conversations changed" into at most one refresh per interval, one at a
 * time: changes that arrive meanwhile are gathered and refreshed together afterwards.
 */
export class CoalescedRefresh {
  private pending = new Set<string>()
  private wanted = false
  private timer: ReturnType<typeof setTimeout> | undefined
  private running = false
  private lastRun = Number.NEGATIVE_INFINITY

  constructor(
    private readonly intervalMs: number,
    private readonly refresh: (keys: Set<string>) => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Something changed (these conversations, or only counts when the list is empty). */
  add(keys: Iterable<string>): void {
    for (const key of keys) this.pending.add(key)
    this.wanted = true
    this.schedule()
  }

  /** Drop whatever is waiting (the profile changed). A refresh already running finishes. */
  cancel(): void {
    this.pending = new Set()
    this.wanted = false
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
  }

  private schedule(): void {
    if (this.timer || this.running || !this.wanted) return
    this.timer = setTimeout(() => void this.run(), Math.max(0, this.lastRun + this.intervalMs - this.now()))
  }

  private async run(): Promise<void> {
    this.timer = undefined
    const keys = this.pending
    this.pending = new Set()
    this.wanted = false
    this.running = true
    this.lastRun = this.now()
    try {
      await this.refresh(keys)
    } finally {
      this.running = false
      this.schedule()
    }
  }
}
