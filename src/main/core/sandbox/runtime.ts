import type { Clock, ClockTimer } from '../clock'
import type { Logger } from '../log'
import type { SeededRandom } from './seeded-random'

/**
 * What every part of the sandbox shares: simulated time (with the demo `speed` applied in one
 * place), the seeded random source and the log. Parts receive this instead of the clock itself so
 * that a delay always means "simulated delay, divided by speed".
 */
export class SandboxRuntime {
  private readonly timers = new Set<ClockTimer>()
  private inFlight = 0
  private idleWaiters: (() => void)[] = []

  constructor(
    readonly clock: Clock,
    readonly rng: SeededRandom,
    readonly log: Logger,
    readonly speed: number,
  ) {}

  now(): number {
    return this.clock.now()
  }

  nowSeconds(): number {
    return Math.floor(this.clock.now() / 1000)
  }

  /** Runs `callback` after a simulated delay, shortened by `speed`. Returns a cancel function. */
  after(ms: number, callback: () => void): () => void {
    return this.afterExactly(ms / this.speed, callback)
  }

  /** Runs `callback` after exactly `ms` of clock time (windows and expiry, which speed never changes). */
  afterExactly(ms: number, callback: () => void): () => void {
    const timer = this.clock.setTimeout(() => {
      this.timers.delete(timer)
      callback()
    }, Math.max(0, Math.round(ms)))
    this.timers.add(timer)
    return () => {
      this.clock.clearTimeout(timer)
      this.timers.delete(timer)
    }
  }

  /** Counts outbound network work (webhook POSTs, handshakes) so tests and `close()` can wait for quiet. */
  track<T>(work: Promise<T>): Promise<T> {
    this.inFlight++
    return work.finally(() => {
      this.inFlight--
      // Let continuations of `work` (retry scheduling, queue pumping) run before declaring quiet.
      setImmediate(() => this.wakeIfIdle())
    })
  }

  /** Resolves once no outbound request is in flight. */
  whenIdle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  private wakeIfIdle(): void {
    if (this.inFlight !== 0) return
    const waiters = this.idleWaiters
    this.idleWaiters = []
    for (const wake of waiters) wake()
  }

  cancelAll(): void {
    for (const timer of this.timers) this.clock.clearTimeout(timer)
    this.timers.clear()
  }

  /** A message id shaped like Meta's (`wamid.` + base64 of a key holding the address: a phone number or a BSUID). */
  wamid(address: string): string {
    const key = `${address.length.toString(16).padStart(2, '0')}${address}${this.rng.hex(24).toUpperCase()}`
    return `wamid.HBg${Buffer.from(key).toString('base64').replace(/=+$/, '')}`
  }

  fbtraceId(): string {
    return `A${this.rng.alnum(22)}`
  }
}
