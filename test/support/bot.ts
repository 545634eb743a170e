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
  status = 200
  answer = 'ok'
  private server: Server | undefined
  port = 0

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`
  }

  async start(): Promise<this> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => {
        this.received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) })
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
