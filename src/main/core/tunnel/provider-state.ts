import type { Redactor } from '../log'
import type { ProviderSnapshot, TunnelProvider } from './types'

type Fields = Omit<ProviderSnapshot, 'logs'>

/**
 * The state machine and log lines every provider keeps: each change is announced, each line is
 * masked before it is stored, and `settled()` waits for the next online or error.
 */
export class ProviderState {
  private current: Fields = { phase: 'off', url: null, error: null, fix: null, retryAt: null, restarts: 0 }
  private readonly lines: string[] = []
  private readonly listeners = new Set<(snapshot: ProviderSnapshot) => void>()
  private waiters: ((snapshot: ProviderSnapshot) => void)[] = []

  constructor(
    private readonly redactor: Redactor,
    private readonly keep = 200,
  ) {}

  snapshot(): ProviderSnapshot {
    return { ...this.current, logs: [...this.lines] }
  }

  get phase(): ProviderSnapshot['phase'] {
    return this.current.phase
  }

  onChange(listener: (snapshot: ProviderSnapshot) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Resolves at the next `online` or `error`. */
  settled(): Promise<ProviderSnapshot> {
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  starting(): void {
    this.set({ phase: 'starting', url: null, error: null, fix: null, retryAt: null })
  }

  online(url: string): void {
    this.set({ phase: 'online', url, error: null, fix: null, retryAt: null })
  }

  failed(error: string, fix: string | null = null, retryAt: number | null = null): void {
    this.set({ phase: 'error', url: null, error: this.redactor.redact(error), fix: fix === null ? null : this.redactor.redact(fix), retryAt })
  }

  off(): void {
    this.set({ phase: 'off', url: null, error: null, fix: null, retryAt: null })
    // Whoever waits for an outcome gets this one: there will be no other.
    this.release()
  }

  restarted(): void {
    this.current = { ...this.current, restarts: this.current.restarts + 1 }
  }

  log(text: string): void {
    const line = this.redactor.redact(text.replace(/\s+$/, ''))
    if (line === '') return
    this.lines.push(line)
    if (this.lines.length > this.keep) this.lines.splice(0, this.lines.length - this.keep)
    this.notify()
  }

  private set(change: Partial<Fields>): void {
    this.current = { ...this.current, ...change }
    this.notify()
    if (this.current.phase === 'online' || this.current.phase === 'error') this.release()
  }

  private release(): void {
    const waiters = this.waiters
    this.waiters = []
    const snapshot = this.snapshot()
    for (const resolve of waiters) resolve(snapshot)
  }

  private notify(): void {
    const snapshot = this.snapshot()
    for (const listener of this.listeners) listener(snapshot)
  }
}

/** What every provider shares: its state, the snapshot of it and change notifications. */
export abstract class StatefulProvider implements Pick<TunnelProvider, 'snapshot' | 'onChange'> {
  protected readonly state: ProviderState

  constructor(redactor: Redactor) {
    this.state = new ProviderState(redactor)
  }

  snapshot(): ProviderSnapshot {
    return this.state.snapshot()
  }

  onChange(listener: (snapshot: ProviderSnapshot) => void): () => void {
    return this.state.onChange(listener)
  }
}
