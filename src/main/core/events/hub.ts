import type { EventBatch, EventEnvelope, EventName, EventPayload } from '@shared/contract'

export type BatchListener = (batch: EventBatch) => void
/** What a shell may do with the core's events: listen to one, or take every batch. */
export type EventSource = Pick<EventHub, 'on' | 'subscribe'>
export type EventHandler<N extends EventName> = (payload: EventPayload<N>) => void

export interface EventHubOptions {
  /** How long events gather before a batch goes out; keeps the UI to a few messages per second under load. */
  flushMs?: number
  /** A batch never exceeds this many events; a bigger backlog goes out in several batches. */
  maxBatch?: number
}

/**
 * The core's one event channel. Inside the core, `on` delivers each event synchronously; the UI
 * transports (IPC, WebSocket) `subscribe` and receive batches instead of one message per event.
 */
export class EventHub {
  private readonly flushMs: number
  private readonly maxBatch: number
  private readonly batchListeners = new Set<BatchListener>()
  private readonly handlers = new Map<string, Set<(payload: unknown) => void>>()
  private queue: EventEnvelope[] = []
  private timer: NodeJS.Timeout | undefined

  constructor(options: EventHubOptions = {}) {
    this.flushMs = options.flushMs ?? 40
    this.maxBatch = options.maxBatch ?? 500
  }

  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    const set = this.handlers.get(name)
    if (set) for (const handler of set) handler(payload)
    if (this.batchListeners.size === 0) return
    this.queue.push({ name, payload } as EventEnvelope)
    this.timer ??= setTimeout(() => this.flush(), this.flushMs)
  }

  on<N extends EventName>(name: N, handler: EventHandler<N>): () => void {
    let set = this.handlers.get(name)
    if (!set) this.handlers.set(name, (set = new Set()))
    const untyped = handler as (payload: unknown) => void
    set.add(untyped)
    return () => set.delete(untyped)
  }

  subscribe(listener: BatchListener): () => void {
    this.batchListeners.add(listener)
    return () => this.batchListeners.delete(listener)
  }

  /** Deliver what is queued now; also used on shutdown so nothing emitted is left behind. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch)
      for (const listener of this.batchListeners) {
        try {
          listener(batch)
        } catch {
          // A failing transport (a closed window, a dropped socket) must not starve the others.
        }
      }
    }
  }
}
