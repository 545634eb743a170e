import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface BotRequest {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: Buffer
}

/**
 * The operator's own bot, as a bare node:http server on 127.0.0.1: records what it receives and
 * answers `status`. `stop()` closes it (connections refused) and `start()` brings it back on the
 * same port.
 */
export class Bot {
  readonly received: BotRequest[] = []
  /** Every message id seen in a POST body: the bot's own de-duplication. */
  readonly wamids = new Set<string>()
  /** POSTs received, duplicates included. */
  posts = 0
  /** When the last POST arrived (performance.now()). */
  lastPostAt = 0
  firstPostAt = 0
  status = 200
  answer = 'ok'
  private server: Server | undefined
  port = 0

  /** `keepRequests: false` keeps only ids and counts (a long run would hold every body in memory). */
  constructor(private readonly options: { keepRequests?: boolean } = {}) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`
  }

  async start(): Promise<this> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => {
        const body = Buffer.concat(chunks)
        if (request.method === 'POST') {
          this.posts++
          this.lastPostAt = performance.now()
          if (this.posts === 1) this.firstPostAt = this.lastPostAt
          for (const match of body.toString('utf8').matchAll(/"id":"(wamid\.[^"]+)"/g)) this.wamids.add(match[1]!)
        }
        if (this.options.keepRequests !== false) this.received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body })
        response.writeHead(this.status, { 'content-type': 'text/plain' })
        response.end(this.answer)
      })
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.port, '127.0.0.1', () => resolve())
    })
    this.port = (server.address() as AddressInfo).port
    this.server = server
    return this
  }

  async stop(): Promise<void> {
    const server = this.server
    this.server = undefined
    if (!server) return
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  /** Bodies of POSTs, as text. */
  bodies(): string[] {
    return this.received.filter((r) => r.method === 'POST').map((r) => r.body.toString('utf8'))
  }
}
