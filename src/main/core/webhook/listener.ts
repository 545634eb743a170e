import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Clock } from '../clock'
import type { Logger } from '../log'
import type { CapturedRequest } from '../store'
import type { GroupCommitter } from './group-commit'
import { guardConnections } from './connection-guard'
import { jsonDepth } from './json-depth'
import { parseDelivery } from './payload'
import { checkSignature } from './signature'
import { storedPath, verifySubscription } from './verification'

export const WEBHOOK_PATH = '/webhook'
/** Meta sends up to 3 MB (batches of up to 1,000 updates); common body parsers stop at 100 KB. */
export const DEFAULT_BODY_LIMIT = 4 * 1024 * 1024
/** Deeper bodies are refused before parsing (Meta's nest about eight levels). */
export const MAX_JSON_DEPTH = 64
/** Bodies of refused requests are kept only this far, for the inspector. */
const REJECTED_BODY_KEEP = 64 * 1024
/** Bytes of bodies being read at once, over every connection: beyond it new bodies are answered 503 (Meta retries). */
export const DEFAULT_IN_FLIGHT_BUDGET = 64 * 1024 * 1024
/** Meta's header: `sha256=` and 64 hex digits. Anything else is refused before the body is read. */
const SIGNATURE_HEADER = /^sha256=[0-9a-f]{64}$/i

export interface WebhookCredentials {
  profileId: string | null
  appSecret: string | undefined
  verifyToken: string | undefined
}

export interface ListenerOptions {
  port: number
  committer: GroupCommitter
  credentials: () => WebhookCredentials
  clock: Clock
  log: Logger
  bodyLimit?: number
  /** Bytes of bodies read at once over all connections (default 64 MiB). */
  inFlightBudget?: number
  /** Slow or stuck clients are cut off; normal deliveries are unaffected. */
  headersTimeoutMs?: number
  requestTimeoutMs?: number
  maxConnections?: number
}

export interface WebhookListener {
  readonly port: number
  readonly url: string
  close(): Promise<void>
}

const keptHeaders = ['content-type', 'content-length', 'user-agent', 'x-hub-signature-256', 'x-forwarded-for', 'x-forwarded-proto']

function headersOf(request: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of keptHeaders) {
    const value = request.headers[name]
    if (typeof value === 'string') out[name] = value
  }
  return out
}

/** The webhook listener: 127.0.0.1 only, `/webhook`, answers 200 only after the events are committed. */
export async function startWebhookListener(options: ListenerOptions): Promise<WebhookListener> {
  const limit = options.bodyLimit ?? DEFAULT_BODY_LIMIT
  const budget = new BodyBudget(options.inFlightBudget ?? DEFAULT_IN_FLIGHT_BUDGET)
  const server: Server = createServer({
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    headersTimeout: options.headersTimeoutMs ?? 10_000,
    // Check the timeouts every second, not every 30 s (Node's default), so slow clients go promptly.
    connectionsCheckingInterval: 1_000,
  })
  server.keepAliveTimeout = 5_000
  const hardLimit = options.maxConnections ?? 1024
  guardConnections(server, { softLimit: Math.floor(hardLimit / 4), hardLimit, slowAfterMs: 1_000 })

  const record = async (request: IncomingMessage, captured: Omit<CapturedRequest, 'receivedAt' | 'method' | 'path' | 'remote' | 'headers'>, receivedAt: number) => {
    return options.committer.submit({
      receivedAt,
      method: request.method ?? 'GET',
      path: storedPath(request.url ?? '/'),
      remote: request.socket.remoteAddress ?? null,
      headers: headersOf(request),
      ...captured,
    })
  }

  const answer = (response: ServerResponse, status: number, body = '', headers: Record<string, string> = {}) => {
    if (response.headersSent) return
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers })
    response.end(body)
  }

  /**
   * Answers with `status` once the refusal is recorded. `unread`: the body was never read, and the
   * connection closes with the answer so it never is.
   */
  const refuse = async (
    request: IncomingMessage,
    response: ServerResponse,
    captured: Omit<CapturedRequest, 'receivedAt' | 'method' | 'path' | 'remote' | 'headers'>,
    receivedAt: number,
    text: string,
    unread = false,
  ) => {
    try {
      await record(request, captured, receivedAt)
    } catch {
      // The refusal stands even if it could not be written down.
    }
    answer(response, captured.status, text, unread ? { connection: 'close' } : {})
  }

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const receivedAt = options.clock.now()
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const credentials = options.credentials()
    const base = { profileId: credentials.profileId, signature: 'not_checked' as const, body: null, size: 0 }

    if (url.pathname !== WEBHOOK_PATH) {
      return refuse(request, response, { ...base, verdict: 'rejected', status: 404, reason: `No webhook at ${url.pathname}: the path is ${WEBHOOK_PATH}` }, receivedAt, 'Not found', true)
    }
    // Meta's servers send no Origin and no Sec-Fetch-* headers; a browser always sends Origin on a POST and
    // Sec-Fetch-Site/-Dest on everything (server-side fetch implementations send Sec-Fetch-Mode alone).
    const browser = ['origin', 'sec-fetch-site', 'sec-fetch-dest', 'sec-fetch-user'].some((name) => header(request, name) !== undefined)
    if (browser) {
      return refuse(request, response, { ...base, verdict: 'rejected', status: 403, reason: 'Sent by a web browser (Origin or Sec-Fetch headers): Meta never is' }, receivedAt, 'Forbidden', true)
    }
    if (request.method === 'GET') {
      const verdict = verifySubscription(url.searchParams, credentials.verifyToken)
      if (!verdict.ok) return refuse(request, response, { ...base, verdict: 'verify_failed', status: 403, reason: verdict.reason }, receivedAt, 'Forbidden')
      try {
        await record(request, { ...base, verdict: 'verified', status: 200, reason: null }, receivedAt)
      } catch {
        // Verification needs no durable state; answer even if the inspector could not record it.
      }
      return answer(response, 200, verdict.challenge)
    }
    if (request.method !== 'POST') {
      return refuse(request, response, { ...base, verdict: 'rejected', status: 405, reason: `Method ${request.method ?? '?'} is not used by webhooks` }, receivedAt, 'Method not allowed', true)
    }

    // Everything that can be refused without the body is refused before a byte of it is read.
    const declared = Number(request.headers['content-length'] ?? NaN)
    const early = { ...base, size: Number.isFinite(declared) ? declared : 0, verdict: 'rejected' as const }
    if (Number.isFinite(declared) && declared > limit) {
      return refuse(request, response, { ...early, status: 413, reason: `Body of ${declared} bytes is above the ${limit}-byte limit` }, receivedAt, 'Payload too large', true)
    }
    if (!credentials.appSecret) {
      const reason = 'The active profile has no app secret, so signatures cannot be checked: set it in Settings'
      return refuse(request, response, { ...early, status: 401, reason }, receivedAt, 'Unauthorized', true)
    }
    const signatureHeader = header(request, 'x-hub-signature-256')
    if (signatureHeader === undefined || !SIGNATURE_HEADER.test(signatureHeader)) {
      const reason = signatureHeader === undefined ? 'No X-Hub-Signature-256 header' : 'X-Hub-Signature-256 is not sha256= and 64 hex digits'
      return refuse(request, response, { ...early, status: 401, signature: signatureHeader === undefined ? 'missing' : 'invalid', reason }, receivedAt, 'Unauthorized', true)
    }
    const raw = await readBody(request, limit, budget)
    if (raw === 'too-large') {
      return refuse(request, response, { ...base, verdict: 'rejected', status: 413, reason: `Body is above the ${limit}-byte limit` }, receivedAt, 'Payload too large', true)
    }
    if (raw === 'busy') {
      options.log.warn('webhook bodies over the in-flight budget; answering 503 so Meta retries')
      return answer(response, 503, 'Service unavailable: too many deliveries at once', { 'retry-after': '10', connection: 'close' })
    }
    if (raw === 'aborted') return
    const size = raw.length
    const keep = (text: string) => (text.length > REJECTED_BODY_KEEP ? text.slice(0, REJECTED_BODY_KEEP) : text)
    const signature = checkSignature(raw, signatureHeader, credentials.appSecret)
    if (signature !== 'valid') {
      const reason = 'X-Hub-Signature-256 does not match the body signed with the app secret'
      return refuse(request, response, { ...base, size, body: keep(raw.toString('utf8')), verdict: 'rejected', status: 401, signature, reason }, receivedAt, 'Unauthorized')
    }
    const text = raw.toString('utf8')
    if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      return refuse(request, response, { ...base, size, body: keep(text), verdict: 'rejected', status: 400, signature, reason: `Body is nested more than ${MAX_JSON_DEPTH} levels deep` }, receivedAt, 'Bad request')
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (error) {
      return refuse(request, response, { ...base, size, body: keep(text), verdict: 'rejected', status: 400, signature, reason: `Body is not JSON: ${(error as Error).message}` }, receivedAt, 'Bad request')
    }
    try {
      await record(request, { ...base, size, body: text, verdict: 'accepted', status: 200, signature, reason: null, delivery: parseDelivery(json, receivedAt) }, receivedAt)
    } catch (error) {
      options.log.error('webhook delivery could not be stored; answering 503 so Meta redelivers', { error: (error as Error).message })
      return answer(response, 503, 'Service unavailable: could not store the delivery', { 'retry-after': '30' })
    }
    answer(response, 200, 'EVENT_RECEIVED')
  }

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      options.log.error('webhook handler failed', { error: error instanceof Error ? error.message : String(error) })
      answer(response, 500, 'Internal error')
    })
  })
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // Answer, then close for good: a half-closed socket would let a slow client keep its slot.
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request'
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`, () => socket.destroy())
    else socket.destroy()
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  return {
    port,
    url: `http://127.0.0.1:${port}${WEBHOOK_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeIdleConnections()
      }),
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** The bytes of bodies being read right now, over every connection, against one budget. */
class BodyBudget {
  private used = 0

  constructor(private readonly limit: number) {}

  take(bytes: number): boolean {
    if (this.used + bytes > this.limit) return false
    this.used += bytes
    return true
  }

  give(bytes: number): void {
    this.used -= bytes
  }
}

function readBody(request: IncomingMessage, limit: number, budget: BodyBudget): Promise<Buffer | 'too-large' | 'busy' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    const finish = (result: Buffer | 'too-large' | 'busy' | 'aborted') => {
      if (done) return
      done = true
      budget.give(size)
      chunks.length = 0
      resolve(result)
    }
    request.on('data', (chunk: Buffer) => {
      if (done) return
      if (size + chunk.length > limit) return finish('too-large')
      if (!budget.take(chunk.length)) return finish('busy')
      size += chunk.length
      chunks.push(chunk)
    })
    request.on('end', () => {
      if (done) return
      const body = Buffer.concat(chunks, size)
      finish(body)
    })
    request.on('aborted', () => finish('aborted'))
    request.on('error', () => finish('aborted'))
  })
}
