import WebSocket from 'ws'
import { WS_PROTOCOL, WS_TOKEN_PREFIX, type WsServerMessage } from '@shared/contract'

export interface WsAttempt {
  /** HTTP status of a refused upgrade, or 101 when the socket opened. */
  status: number
  socket?: WebSocket
}

/** Opens a browser-mode socket the way a page (or an attacker) would, with full control of the headers. */
export function openSocket(port: number, options: { token?: string; origin?: string; host?: string; path?: string } = {}): Promise<WsAttempt> {
  const protocols = [WS_PROTOCOL, ...(options.token === undefined ? [] : [`${WS_TOKEN_PREFIX}${options.token}`])]
  const socket = new WebSocket(`ws://127.0.0.1:${port}${options.path ?? '/api'}`, protocols, {
    origin: options.origin ?? `http://127.0.0.1:${port}`,
    headers: options.host ? { host: options.host } : {},
  })
  return new Promise((resolve) => {
    socket.once('open', () => resolve({ status: 101, socket }))
    socket.once('unexpected-response', (_request, response) => resolve({ status: response.statusCode ?? 0 }))
    socket.once('error', () => resolve({ status: 0 }))
  })
}

/** Collects server messages and answers calls by id. */
export class SocketClient {
  readonly messages: WsServerMessage[] = []
  private nextId = 1

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => this.messages.push(JSON.parse(data.toString('utf8')) as WsServerMessage))
  }

  async call(name: string, input?: unknown): Promise<unknown> {
    const id = this.nextId++
    this.socket.send(JSON.stringify({ type: 'call', id, name, input }))
    return this.waitFor((m) => m.type === 'result' && m.id === id).then((m) => (m.type === 'result' ? m.envelope : undefined))
  }

  sendRaw(text: string): void {
    this.socket.send(text)
  }

  waitFor(predicate: (message: WsServerMessage) => boolean, timeoutMs = 5000): Promise<WsServerMessage> {
    return new Promise((resolve, reject) => {
      const started = Date.now()
      const poll = () => {
        const found = this.messages.find(predicate)
        if (found) return resolve(found)
        if (Date.now() - started > timeoutMs) return reject(new Error('timed out waiting for a server message'))
        setTimeout(poll, 5)
      }
      poll()
    })
  }
}
