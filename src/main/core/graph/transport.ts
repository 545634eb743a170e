import { Agent, type Dispatcher } from 'undici'
import type { GraphMethod } from './exchange'

export const REQUEST_ID_HEADER = 'x-switchboard-request-id'

export interface OutgoingRequest {
  method: GraphMethod
  url: URL
  headers: Record<string, string>
  body: string | null
  requestId: string
  signal: AbortSignal
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
  maxConnections: number
}

/**
 * Marks a request as written when undici hands it to a connected socket (`onRequestStart` runs
 * synchronously just before the request is written to it), then passes every event through.
 */
class WriteTracker implements Dispatcher.DispatchHandler {
  constructor(
    private readonly inner: Dispatcher.DispatchHandler,
    private readonly onWrite: () => void,
  ) {}

  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    this.inner.onRequestStart?.(controller, context)
    // The inner handler aborts here when its signal already fired; then nothing is written.
    if (!controller.aborted) this.onWrite()
  }

  onRequestUpgrade(...args: Parameters<NonNullable<Dispatcher.DispatchHandler['onRequestUpgrade']>>): void {
    this.inner.onRequestUpgrade?.(...args)
  }

  onResponseStart(...args: Parameters<NonNullable<Dispatcher.DispatchHandler['onResponseStart']>>): void {
    this.inner.onResponseStart?.(...args)
  }

  onResponseData(...args: Parameters<NonNullable<Dispatcher.DispatchHandler['onResponseData']>>): void {
    this.inner.onResponseData?.(...args)
  }

  onResponseEnd(...args: Parameters<NonNullable<Dispatcher.DispatchHandler['onResponseEnd']>>): void {
    this.inner.onResponseEnd?.(...args)
  }

  onResponseError(...args: Parameters<NonNullable<Dispatcher.DispatchHandler['onResponseError']>>): void {
    this.inner.onResponseError?.(...args)
  }
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

/** One keep-alive pool per origin for the client's life, on undici's `request`. */
export function createTransport(options: TransportOptions): Transport {
  const agent = new Agent({
    connections: options.maxConnections,
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 120_000,
  })
  const written = new Set<string>()

  const dispatcher = agent.compose((dispatch) => (opts, handler) => {
    const headers = opts.headers as Record<string, string> | undefined
    const id = headers?.[REQUEST_ID_HEADER]
    return dispatch(opts, id === undefined ? handler : new WriteTracker(handler, () => written.add(id)))
  })

  return {
    async send(request) {
      try {
        const response = await dispatcher.request({
          origin: request.url.origin,
          path: `${request.url.pathname}${request.url.search}`,
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal: request.signal,
        })
        const body = await response.body.text()
        return { status: response.statusCode, headers: flatten(response.headers), body }
      } catch (error) {
        throw new TransportFailure(error, written.has(request.requestId))
      } finally {
        written.delete(request.requestId)
      }
    },
    async destroy() {
      await agent.destroy()
    },
  }
}
