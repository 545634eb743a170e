import { performance } from 'node:perf_hooks'

/** Counts arrivals in fixed windows; a burst is more than `perWindow` in the current or the previous one. */
export class BurstMeter {
  private windowStartedAt = 0
  private thisWindow = 0
  private lastWindow = 0

  constructor(
    private readonly windowMs: number,
    private readonly perWindow: number,
  ) {}

  arrived(): void {
    const now = performance.now()
    if (now - this.windowStartedAt >= this.windowMs) {
      // A window with a gap after it counts as quiet: bursts are measured, not remembered.
      this.lastWindow = now - this.windowStartedAt < 2 * this.windowMs ? this.thisWindow : 0
      this.thisWindow = 0
      this.windowStartedAt = now
    }
    this.thisWindow++
  }

  get inBurst(): boolean {
    return Math.max(this.thisWindow, this.lastWindow) > this.perWindow
  }
}
