import type { SandboxRuntime } from '../runtime'
import type { StateStore } from '../state'
import { httpExchange, NetworkError } from './http-client'
import { metaJson } from './meta-json'
import { webhookPayload, type WebhookChange } from './payloads'
import { nextRetryDelay } from './retry-schedule'
import { resolveCallback } from './routing'
import { signatureHeaders } from './signature'

const DELIVERY_TIMEOUT_MS = 15_000
const BATCH_CHANCE = 0.2

interface Batch {
  url: string
  body: Buffer
  failures: number
  firstAttemptAt: number
}

interface Outbox {
  pending: WebhookChange[]
  holding: boolean
  queue: Batch[]
  sending: boolean
}

export interface DeliveryReport {
  url: string
  ok: boolean
  status: number | null
  error?: string
  failures: number
  /** Simulated ms until the next attempt; `null` when delivered or given up. */
  retryInMs: number | null
}

/**
 * Delivers webhook changes the way Meta does: routed when due (so a new override applies to
 * everything not yet sent), written in Meta's escaped JSON and signed over exactly those bytes, now
 * and then batched several to a POST, one POST at a time per callback URL, and retried with backoff
 * for up to 7 days when the endpoint fails.
 */
export class WebhookDispatcher {
  private readonly outboxes = new Map<string, Outbox>()
  private readonly abort = new AbortController()
  private readonly listeners = new Set<(report: DeliveryReport) => void>()
  private closed = false

  constructor(
    private readonly runtime: SandboxRuntime,
    private readonly store: StateStore,
    private readonly batching: boolean,
  ) {}

  /** Queues a change to become due after a simulated delay (shortened by `speed`). */
  schedule(change: WebhookChange, delayMs: number): void {
    if (this.closed) return
    this.runtime.after(delayMs, () => this.due(change))
  }

  onDelivery(listener: (report: DeliveryReport) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  close(): void {
    this.closed = true
    this.abort.abort()
    this.outboxes.clear()
  }

  private due(change: WebhookChange): void {
    if (this.closed) return
    const route = resolveCallback(this.store.state, change.phoneNumberId, change.field)
    if (!route) {
      this.runtime.log.debug('sandbox webhook dropped: no callback configured', { phoneNumberId: change.phoneNumberId, field: change.field })
      return
    }
    const outbox = this.outbox(route.url)
    outbox.pending.push(change)
    if (outbox.holding) return
    if (this.batching && this.runtime.rng.chance(BATCH_CHANCE)) {
      outbox.holding = true
      this.runtime.after(this.runtime.rng.int(250, 1500), () => {
        outbox.holding = false
        this.flush(route.url, outbox)
      })
      return
    }
    this.flush(route.url, outbox)
  }

  private flush(url: string, outbox: Outbox): void {
    if (outbox.pending.length === 0) return
    const changes = outbox.pending.splice(0)
    const oneEntry = changes.length > 1 && this.runtime.rng.chance(0.5)
    const body = Buffer.from(metaJson(webhookPayload(this.store.state.waba.id, changes, oneEntry)), 'ascii')
    this.enqueue({ url, body, failures: 0, firstAttemptAt: this.runtime.now() })
  }

  private enqueue(batch: Batch): void {
    if (this.closed) return
    const outbox = this.outbox(batch.url)
    outbox.queue.push(batch)
    this.pump(outbox)
  }

  private pump(outbox: Outbox): void {
    if (outbox.sending || this.closed) return
    const batch = outbox.queue.shift()
    if (!batch) return
    outbox.sending = true
    void this.runtime
      .track(this.attempt(batch))
      .catch((error: unknown) => this.runtime.log.error('sandbox webhook delivery crashed', { error: String(error) }))
      .finally(() => {
        outbox.sending = false
        this.pump(outbox)
      })
  }

  private async attempt(batch: Batch): Promise<void> {
    const headers = { 'content-type': 'application/json', ...signatureHeaders(batch.body, this.store.state.app.secret) }
    let status: number | null = null
    let error: string | undefined
    try {
      const result = await httpExchange('POST', new URL(batch.url), { headers, body: batch.body, timeoutMs: DELIVERY_TIMEOUT_MS, signal: this.abort.signal })
      status = result.status
      if (status >= 200 && status < 300) return this.report({ url: batch.url, ok: true, status, failures: batch.failures, retryInMs: null })
    } catch (caught) {
      if (this.closed) return
      error = caught instanceof NetworkError ? caught.message : String(caught)
    }
    batch.failures++
    // Elapsed time in unscaled (simulated) terms, like the delays themselves.
    const retryInMs = nextRetryDelay(batch.failures, (this.runtime.now() - batch.firstAttemptAt) * this.runtime.speed)
    this.report({ url: batch.url, ok: false, status, ...(error === undefined ? {} : { error }), failures: batch.failures, retryInMs })
    if (retryInMs === null) {
      this.runtime.log.warn('sandbox webhook given up after 7 days of retries', { url: batch.url, failures: batch.failures })
      return
    }
    this.runtime.after(retryInMs, () => this.enqueue(batch))
  }

  private report(report: DeliveryReport): void {
    for (const listener of this.listeners) listener(report)
  }

  private outbox(url: string): Outbox {
    let outbox = this.outboxes.get(url)
    if (!outbox) {
      outbox = { pending: [], holding: false, queue: [], sending: false }
      this.outboxes.set(url, outbox)
    }
    return outbox
  }
}
