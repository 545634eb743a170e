import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { WS_PATH, WS_PROTOCOL, wsClientMessage, type WsServerMessage } from '@shared/contract'
import type { Dispatch, EventSource, Logger } from '../core'
import { checkUpgrade } from './access'

export interface WsBridgeOptions {
  server: Server
  port: () => number
  token: string
  dispatch: Dispatch
  events: EventSource
  log: Logger
}

const MAX_MESSAGE_BYTES = 1024 * 1024

/**
 * Browser mode's equivalent of the IPC binding: the same dispatcher behind a WebSocket that only
 * accepts our own origin and the session token. Returns a function that closes every socket.
 */
export function attachWsBridge(options: WsBridgeOptions): () => Promise<void> {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  })

  options.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '').split('?')[0]
    if (path !== WS_PATH) return refuse(socket, 404, 'Not Found')
    const verdict = checkUpgrade(request, options.port(), options.token)
    if (!verdict.ok) {
      options.log.warn('refused a browser-mode connection', { reason: verdict.reason })
      return refuse(socket, verdict.status, verdict.status === 401 ? 'Unauthorized' : 'Forbidden')
    }
    wss.handleUpgrade(request, socket, head, (ws) => serve(ws))
  })

  const serve = (ws: WebSocket): void => {
    const send = (message: WsServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message))
    }
    const unsubscribe = options.events.subscribe((batch) => send({ type: 'events', batch }))
    ws.on('close', unsubscribe)
    ws.on('message', (data: Buffer, isBinary) => {
      const parsed = isBinary ? undefined : parseMessage(data.toString('utf8'))
      if (!parsed) {
        send({ type: 'error', envelope: { ok: false, error: { code: 'invalid_input', message: 'Messages are JSON calls: {type:"call", id, name, input}' } } })
        return
      }
      void options.dispatch(parsed.name, parsed.input).then((envelope) => send({ type: 'result', id: parsed.id, envelope }))
    })
  }

  return async () => {
    for (const client of wss.clients) client.close(1001, 'Switchboard is shutting down')
    await new Promise<void>((resolve) => wss.close(() => resolve()))
  }
}

function parseMessage(text: string) {
  try {
    const result = wsClientMessage.safeParse(JSON.parse(text))
    return result.success ? result.data : undefined
  } catch {
    return undefined
  }
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}
