import {
  WS_PATH,
  WS_PROTOCOL,
  WS_TOKEN_PREFIX,
  type CallName,
  type Envelope,
  type EventListener,
  type Transport,
  type WsClientMessage,
  type WsServerMessage,
} from '@shared/contract'

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'no-token'

interface Pending {
  resolve: (envelope: Envelope<unknown>) => void
  timer: ReturnType<typeof setTimeout>
  /** Written to a socket: if that socket drops, the call's outcome is unknown. */
  sent: boolean
}

const CALL_TIMEOUT_MS = 120_000
const RETRY_MS = [250, 500, 1000, 2000, 4000]

/** Browser mode's transport: the contract over one WebSocket, reconnecting with backoff. */
export class WsTransport implements Transport {
  private socket: WebSocket | undefined
  private nextId = 1
  private attempts = 0
  private readonly pending = new Map<number, Pending>()
  private readonly outbox: { id: number; text: string }[] = []
  private readonly listeners = new Set<EventListener>()
  private readonly stateListeners = new Set<(state: ConnectionState) => void>()
  state: ConnectionState

  constructor(
    private readonly url: string,
    private readonly token: string | null,
  ) {
    this.state = token ? 'connecting' : 'no-token'
    if (token) this.open()
  }

  static forPage(token: string | null): WsTransport {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws'
    return new WsTransport(`${scheme}://${window.location.host}${WS_PATH}`, token)
  }

  invoke(name: CallName, input: unknown): Promise<Envelope<unknown>> {
    if (!this.token) {
      return Promise.resolve({
        ok: false,
        error: {
          code: 'forbidden',
          message: 'This page was opened without its session token',
          fix: 'Open the exact "Switchboard UI:" URL that `switchboard serve` printed',
        },
      })
    }
    const id = this.nextId++
    const message: WsClientMessage = { type: 'call', id, name, input }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id)
        resolve({ ok: false, error: { code: 'connection_lost', message: `${name} got no answer within ${CALL_TIMEOUT_MS / 1000} s` } })
      }, CALL_TIMEOUT_MS)
      const text = JSON.stringify(message)
      const sent = this.socket?.readyState === WebSocket.OPEN
      this.pending.set(id, { resolve, timer, sent })
      if (sent) this.socket?.send(text)
      else this.outbox.push({ id, text })
    })
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener)
    return () => this.stateListeners.delete(listener)
  }

  private setState(state: ConnectionState): void {
    this.state = state
    for (const listener of this.stateListeners) listener(state)
  }

  private open(): void {
    const socket = new WebSocket(this.url, [WS_PROTOCOL, `${WS_TOKEN_PREFIX}${this.token}`])
    this.socket = socket
    socket.onopen = () => {
      this.attempts = 0
      this.setState('open')
      for (const { id, text } of this.outbox.splice(0)) {
        const pending = this.pending.get(id)
        if (!pending) continue
        pending.sent = true
        socket.send(text)
      }
    }
    socket.onmessage = (event: MessageEvent<string>) => this.receive(event.data)
    socket.onclose = () => {
      this.socket = undefined
      // Calls in flight may or may not have run; say so rather than resend them.
      for (const [id, pending] of this.pending) {
        if (!pending.sent) continue
        clearTimeout(pending.timer)
        pending.resolve({ ok: false, error: { code: 'connection_lost', message: 'The connection to Switchboard dropped before the answer arrived' } })
        this.pending.delete(id)
      }
      this.setState('reconnecting')
      const delay = RETRY_MS[Math.min(this.attempts++, RETRY_MS.length - 1)] ?? 4000
      setTimeout(() => this.open(), delay)
    }
  }

  private receive(text: string): void {
    let message: WsServerMessage
    try {
      message = JSON.parse(text) as WsServerMessage
    } catch {
      return
    }
    if (message.type === 'events') {
      for (const listener of this.listeners) listener(message.batch)
    } else if (message.type === 'result') {
      const pending = this.pending.get(message.id)
      if (!pending) return
      clearTimeout(pending.timer)
      this.pending.delete(message.id)
      pending.resolve(message.envelope)
    }
  }
}
