import { performance } from 'node:perf_hooks'
import { Pool } from 'undici'

export interface ForwardRequest {
  url: URL
  method: 'GET' | 'POST'
  headers: Record<string, string>
  body: Buffer | null
}

export interface ForwardAnswer {
  /** The bot's HTTP status; null when it could not be reached or did not answer in time. */
  status: number | null
  error: string | null
  latencyMs: number
  /** The start of the answer, for the inspector. */
  answer: string | null
}

/** The start of a bot's answer that is kept; the rest is read and dropped (so the connection is reused). */
const ANSWER_KEPT = 1024
/** An answer longer than this is cut off (the connection is closed). */
const ANSWER_READ_MAX = 256 * 1024

/** Sends forwards over one keep-alive connection pool per bot origin. */
export class ForwardSender {
  private readonly pools = new Map<string, Pool>()

  constructor(private readonly options: { connections: number; timeoutMs: number }) {}

  async send(request: ForwardRequest): Promise<ForwardAnswer> {
    const started = performance.now()
    const latency = () => Math.max(0, Math.round(performance.now() - started))
    try {
      const response = await this.pool(request.url.origin).request({
        path: `${request.url.pathname}${request.url.search}`,
        method: request.method,
        headers: request.headers,
        body: request.body,
      })
      const kept: Buffer[] = []
      let keptBytes = 0
      let read = 0
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        read += chunk.length
        if (keptBytes < ANSWER_KEPT) {
          kept.push(chunk.subarray(0, ANSWER_KEPT - keptBytes))
          keptBytes += Math.min(chunk.length, ANSWER_KEPT - keptBytes)
        }
        if (read > ANSWER_READ_MAX) {
          response.body.destroy()
          break
        }
      }
      const ok = response.statusCode >= 200 && response.statusCode < 300
      return {
        status: response.statusCode,
        error: ok ? null : `The bot answered HTTP ${response.statusCode}`,
        latencyMs: latency(),
        answer: keptBytes > 0 ? Buffer.concat(kept).toString('utf8') : null,
      }
    } catch (error) {
      return { status: null, error: describe(error, request.url), latencyMs: latency(), answer: null }
    }
  }

  /** Drops the pool of an origin no target uses any more. */
  forget(origin: string): void {
    const pool = this.pools.get(origin)
    this.pools.delete(origin)
    if (pool) void pool.close().catch(() => undefined)
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()]
    this.pools.clear()
    await Promise.allSettled(pools.map((pool) => pool.destroy()))
  }

  private pool(origin: string): Pool {
    let pool = this.pools.get(origin)
    if (!pool) {
      pool = new Pool(origin, {
        connections: this.options.connections,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
        connectTimeout: this.options.timeoutMs,
        keepAliveTimeout: 4_000,
      })
      this.pools.set(origin, pool)
    }
    return pool
  }
}

/** One line an operator can act on, for the inspector and the target's health line. */
function describe(error: unknown, url: URL): string {
  const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code
  switch (code) {
    case 'ECONNREFUSED':
      return `Nothing listens at ${url.host} (connection refused): is the bot running?`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${url.hostname} cannot be resolved`
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `The bot at ${url.host} did not answer in time`
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return `The bot at ${url.host} closed the connection`
    default:
      return `Could not reach ${url.host}: ${error instanceof Error ? error.message : String(error)}`
  }
}
