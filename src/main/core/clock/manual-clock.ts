import type { Clock, ClockTimer } from './types'

interface Pending {
  id: number
  due: number
  callback: () => void
}

/** A clock that only moves when told to: `advance(ms)` fires every timer that falls due, in order. */
export class ManualClock implements Clock {
  private current: number
  private pending: Pending[] = []
  private nextId = 1

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.current = start
  }

  now(): number {
    return this.current
  }

  setTimeout(callback: () => void, ms: number): ClockTimer {
    const id = this.nextId++
    this.pending.push({ id, due: this.current + Math.max(0, ms), callback })
    return { id }
  }

  clearTimeout(timer: ClockTimer): void {
    this.pending = this.pending.filter((p) => p.id !== timer.id)
  }

  /** Move time forward, running each due timer at its own instant (timers may schedule more). */
  advance(ms: number): void {
    const target = this.current + ms
    for (;;) {
      const next = this.pending.filter((p) => p.due <= target).sort((a, b) => a.due - b.due || a.id - b.id)[0]
      if (!next) break
      this.pending = this.pending.filter((p) => p !== next)
      this.current = next.due
      next.callback()
    }
    this.current = target
  }

  set(time: number): void {
    if (time < this.current) throw new Error('A manual clock never goes backwards')
    this.advance(time - this.current)
  }

  get timerCount(): number {
    return this.pending.length
  }
}
