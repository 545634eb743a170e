import type { Readable } from 'node:stream'
import { Pool, type Dispatcher } from 'undici'
import type { GraphMethod } from './exchange'

export const REQUEST_ID_HEADER = 'x-switchboard-request-id'

export interface OutgoingRequest {
  method: GraphMethod
  /** Path and query on the pool's origin. */
  path: string
  headers: Record<string, string>
  body: string | Readable | null
  requestId: string
  /** The caller's signal, if it gave one. */
  signal: AbortSignal | undefined
  /** No answer within this (headers, then each body chunk) fails the request with undici's timeout error. */
  timeoutMs: number
}

export interface IncomingResponse {
  status: number
  headers: Record<string, string>
  body: string
}

/**
 * The request failed without a complete answer. `written` tells whether the request had been handed
 * to a connected socket: before that point Meta cannot have seen it; after it, it may have.
 */
export class TransportFailure extends Error {
  readonly written: boolean

  constructor(cause: unknown, written: boolean) {
    super(cause instanceof Error ? cause.message : String(cause), { cause })
    this.name = 'TransportFailure'
    this.written = written
  }
}

export interface Transport {
  send(request: OutgoingRequest): Promise<IncomingResponse>
  destroy(): Promise<void>
}

export interface TransportOptions {
  /** The one origin the client talks to (the Graph client refuses any other). */
  origin: string
  maxConnections: number
  connectTimeoutMs: number
}

/**
 * One request's handler on undici's dispatch API: collects the answer into a string (no stream
 * per response, as `request()` makes) and knows whether the request was handed to a connected
 * socket — `onRequestStart` runs just before it is written — which decides between "not sent"
 * and "outcome unknown" when no answer comes.
 */
class CollectingHandler implements Dispatcher.DispatchHandler {
  private written = false
  private settled = false
  private status = 0
  private headers: Record<string, string | string[] | undefined> = {}
  private readonly chunks: Buffer[] = []
  private controller: Dispatcher.DispatchController | undefined
  private readonly onAbort = () => {
    const reason = this.signal?.reason instanceof Error ? this.signal.reason : new Error('graph request aborted')
    // Still queued: nothing was written, and onRequestStart will abort it before it is.
    if (this.controller) this.controller.abort(reason)
    else this.fail(reason)
  }

  constructor(
    private readonly signal: AbortSignal | undefined,
    private readonly resolve: (response: IncomingResponse) => void,
    private readonly reject: (failure: TransportFailure) => void,
  ) {
    signal?.addEventListener('abort', this.onAbort, { once: true })
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller
    if (this.settled || this.signal?.aborted) {
      controller.abort(this.signal?.reason instanceof Error ? this.signal.reason : new Error('graph request aborted'))
      return
    }
    this.written = true
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    // 1xx answers come first and are superseded.
    this.status = statusCode
    this.headers = headers
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.chunks.push(chunk)
  }

  onResponseEnd(): void {
    if (this.settle()) this.resolve({ status: this.status, headers: flatten(this.headers), body: Buffer.concat(this.chunks).toString('utf8') })
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.fail(error)
  }

  private fail(error: unknown): void {
    if (this.settle()) this.reject(new TransportFailure(error, this.written))
  }

  private settle(): boolean {
    if (this.settled) return false
    this.settled = true
    this.signal?.removeEventListener('abort', this.onAbort)
    return true
  }
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name in headers) {
    const value = headers[name]
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

/** One keep-alive pool to the Graph origin for the client's life (the client refuses any other origin), on undici's `request`. */
export function createTransport(options: TransportOptions): Transport {
  const pool = new Pool(options.origin, {
    connections: options.maxConnections,
    connect: { timeout: options.connectTimeoutMs },
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 120_000,
  })
  return {
    send(request) {
      return new Promise<IncomingResponse>((resolve, reject) => {
        const handler = new CollectingHandler(request.signal, resolve, reject)
        pool.dispatch(
          {
            path: request.path,
            method: request.method,
            headers: request.headers,
            body: request.body,
            headersTimeout: request.timeoutMs,
            bodyTimeout: request.timeoutMs,
          },
          handler,
        )
      })
    },
    /** Fails every request in flight (as a destroyed client) and closes the connections. */
    async destroy() {
      await pool.destroy()
    },
  }
}
