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

  /** Answers with `status` once the refusal is recorded (or 503 when even that cannot be stored). */
  const refuse = async (request: IncomingMessage, response: ServerResponse, captured: Omit<CapturedRequest, 'receivedAt' | 'method' | 'path' | 'remote' | 'headers'>, receivedAt: number, text: string) => {
    try {
      await record(request, captured, receivedAt)
    } catch {
      // The refusal stands even if it could not be written down.
    }
    answer(response, captured.status, text)
  }

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const receivedAt = options.clock.now()
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const credentials = options.credentials()
    const base = { profileId: credentials.profileId, signature: 'not_checked' as const, body: null, size: 0 }

    if (url.pathname !== WEBHOOK_PATH) {
      request.resume()
      return refuse(request, response, { ...base, verdict: 'rejected', status: 404, reason: `No webhook at ${url.pathname}: the path is ${WEBHOOK_PATH}` }, receivedAt, 'Not found')
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
      request.resume()
      return refuse(request, response, { ...base, verdict: 'rejected', status: 405, reason: `Method ${request.method ?? '?'} is not used by webhooks` }, receivedAt, 'Method not allowed')
    }

    const declared = Number(request.headers['content-length'] ?? NaN)
    if (Number.isFinite(declared) && declared > limit) {
      request.resume()
      return refuse(request, response, { ...base, verdict: 'rejected', status: 413, size: declared, reason: `Body of ${declared} bytes is above the ${limit}-byte limit` }, receivedAt, 'Payload too large')
    }
    const raw = await readBody(request, limit)
    if (raw === 'too-large') {
      return refuse(request, response, { ...base, verdict: 'rejected', status: 413, reason: `Body is above the ${limit}-byte limit` }, receivedAt, 'Payload too large')
    }
    if (raw === 'aborted') return
    const size = raw.length
    const keep = (text: string) => (text.length > REJECTED_BODY_KEEP ? text.slice(0, REJECTED_BODY_KEEP) : text)
    if (!credentials.appSecret) {
      return refuse(
        request,
        response,
        { ...base, size, body: keep(raw.toString('utf8')), verdict: 'rejected', status: 401, signature: 'not_checked', reason: 'The active profile has no app secret, so signatures cannot be checked: set it in Settings' },
        receivedAt,
        'Unauthorized',
      )
    }
    const signature = checkSignature(raw, header(request, 'x-hub-signature-256'), credentials.appSecret)
    if (signature !== 'valid') {
      const reason = signature === 'missing' ? 'No X-Hub-Signature-256 header' : 'X-Hub-Signature-256 does not match the body signed with the app secret'
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

function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    request.on('data', (chunk: Buffer) => {
      if (done) return
      size += chunk.length
      if (size > limit) {
        done = true
        chunks.length = 0
        request.resume()
        resolve('too-large')
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => {
      if (!done) {
        done = true
        resolve(Buffer.concat(chunks, size))
      }
    })
    request.on('aborted', () => {
      if (!done) {
        done = true
        resolve('aborted')
      }
    })
    request.on('error', () => {
      if (!done) {
        done = true
        resolve('aborted')
      }
    })
  })
}
