import { createHmac, timingSafeEqual } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface WebhookBody {
  object: string
  entry: { id: string; changes: { field: string; value: Record<string, unknown> & { statuses?: StatusItem[]; messages?: InboundItem[] } }[] }[]
}
export interface StatusItem {
  id: string
  status: string
  timestamp: string
  recipient_id?: string
  recipient_user_id?: string
  pricing?: Record<string, unknown>
  conversation?: Record<string, unknown>
  errors?: { code: number; title: string; message: string; error_data: { details: string } }[]
}
export type InboundItem = Record<string, unknown> & { from?: string; from_user_id: string; id: string; timestamp: string; type: string }

export interface ReceivedWebhook {
  raw: Buffer
  body: WebhookBody
  headers: IncomingHttpHeaders
}

/** Verifies `X-Hub-Signature-256` independently of the sandbox: HMAC-SHA256 of the raw body with the app secret. */
export function signatureIsValid(raw: Buffer, header: string | string[] | undefined, appSecret: string): boolean {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false
  const expected = Buffer.from(createHmac('sha256', appSecret).update(raw).digest('hex'))
  const given = Buffer.from(header.slice('sha256='.length))
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/**
 * Meta's description of its bodies, written here independently of the sandbox: JSON with every
 * UTF-16 unit above 0x7F as lowercase `\uXXXX` and `/` as `\/`.
 */
export function metaEscapedJson(value: unknown): string {
  const json = JSON.stringify(value)
  let out = ''
  for (let index = 0; index < json.length; index++) {
    const unit = json.charCodeAt(index)
    if (unit > 0x7f) out += `\\u${unit.toString(16).padStart(4, '0')}`
    else if (json[index] === '/') out += '\\/'
    else out += json[index]
  }
  return out
}

/** How Meta tells receivers to verify: parse the body, re-serialise it in the escaped form, HMAC that. */
export function signatureMatchesReserialised(body: unknown, header: string | string[] | undefined, appSecret: string): boolean {
  return signatureIsValid(Buffer.from(metaEscapedJson(body)), header, appSecret)
}

/**
 * A real webhook endpoint on 127.0.0.1 for the sandbox to call: answers Meta's GET handshake
 * (echoing, or misbehaving on request) and records every POST with its raw bytes.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = []
  readonly handshakes: URLSearchParams[] = []
  /** How the next handshakes are answered. */
  handshake: 'echo' | 'wrong-challenge' | 'forbidden' = 'echo'
  private failures: number[] = []
  private readonly events = new EventEmitter()

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly verifyToken: string,
  ) {}

  static async start(verifyToken = 'receiver-verify-token', path = '/webhook'): Promise<WebhookReceiver> {
    const holder: { receiver?: WebhookReceiver } = {}
    const server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => holder.receiver!.handle(req.method ?? 'GET', new URL(req.url ?? '/', 'http://x'), req.headers, Buffer.concat(chunks), (status, text) => res.writeHead(status).end(text)))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as AddressInfo).port
    holder.receiver = new WebhookReceiver(server, `http://127.0.0.1:${port}${path}`, verifyToken)
    return holder.receiver
  }

  /** The next `statuses.length` POSTs are answered with these HTTP statuses (e.g. 500s) instead of 200. */
  failNext(...statuses: number[]): void {
    this.failures.push(...statuses)
  }

  statuses(): StatusItem[] {
    return this.changes().flatMap((change) => change.value.statuses ?? [])
  }

  messages(): InboundItem[] {
    return this.changes().flatMap((change) => change.value.messages ?? [])
  }

  changes() {
    return this.received.flatMap((webhook) => webhook.body.entry.flatMap((entry) => entry.changes))
  }

  /** Resolves when `predicate` holds over what was received, re-checked on each new POST (no polling). */
  waitFor(predicate: (receiver: WebhookReceiver) => boolean, timeoutMs = 5000): Promise<void> {
    if (predicate(this)) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate(this)) return
        clearTimeout(timer)
        this.events.off('post', check)
        resolve()
      }
      const timer = setTimeout(() => {
        this.events.off('post', check)
        reject(new Error(`webhook condition not met within ${timeoutMs} ms; received ${this.received.length} POSTs:\n${this.received.map((r) => r.raw.toString()).join('\n')}`))
      }, timeoutMs)
      this.events.on('post', check)
    })
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve())
      this.server.closeAllConnections()
    })
  }

  private handle(method: string, url: URL, headers: IncomingHttpHeaders, raw: Buffer, reply: (status: number, text: string) => void): void {
    if (method === 'GET') {
      this.handshakes.push(url.searchParams)
      const mode = url.searchParams.get('hub.mode')
      const token = url.searchParams.get('hub.verify_token')
      if (this.handshake === 'forbidden' || mode !== 'subscribe' || token !== this.verifyToken) return reply(403, 'Forbidden')
      return reply(200, this.handshake === 'echo' ? (url.searchParams.get('hub.challenge') ?? '') : 'not-the-challenge')
    }
    const status = this.failures.shift() ?? 200
    this.received.push({ raw, body: JSON.parse(raw.toString('utf8')) as WebhookBody, headers })
    reply(status, status === 200 ? 'EVENT_RECEIVED' : 'failing on purpose')
    this.events.emit('post')
  }
}
