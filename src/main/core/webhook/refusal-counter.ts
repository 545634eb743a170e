/**
 * How many requests were refused: since start, and over the last minute in one-second buckets, so
 * a flood of forged requests shows as a rate instead of thousands of rows.
 */
export class RefusalCounter {
  private total = 0
  private readonly buckets = new Map<number, number>()

  constructor(private readonly now: () => number) {}

  add(count = 1): void {
    this.total += count
    const second = Math.floor(this.now() / 1000)
    this.buckets.set(second, (this.buckets.get(second) ?? 0) + count)
    for (const key of this.buckets.keys()) if (key <= second - 60) this.buckets.delete(key)
  }

  snapshot(): { sinceStart: number; lastMinute: number } {
    const second = Math.floor(this.now() / 1000)
    let lastMinute = 0
    for (const [key, count] of this.buckets) if (key > second - 60) lastMinute += count
    return { sinceStart: this.total, lastMinute }
  }
}
