import { once } from 'node:events'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { createGraphClient, type GraphClient, type GraphClientOptions } from '../../../src/main/core/graph'
import { Redactor, silentLogger } from '../../../src/main/core'
import type { Clock, ClockTimer } from '../../../src/main/core/clock'

export interface StubRequest {
  method: string
  url: URL
  headers: IncomingMessage['headers']
  body: string
  /** Which TCP connection carried it (1 = the first the stub accepted). */
  connection: number
}

/** Answers one request; `res` may be left open (a hung server) or the socket destroyed (a drop). */
export type StubHandler = (request: StubRequest, res: ServerResponse, raw: IncomingMessage) => void

export interface Stub {
  baseUrl: string
  requests: StubRequest[]
  /** TCP connections accepted so far. */
  readonly connections: number
  /** Resolves with the n-th request (1-based) once it has fully arrived. */
  request(n: number): Promise<StubRequest>
  close(): Promise<void>
}

/** A real HTTP server on 127.0.0.1 playing Graph for one test. */
export async function startStub(handler: StubHandler): Promise<Stub> {
  const requests: StubRequest[] = []
  const waiters = new Map<number, (request: StubRequest) => void>()
  const sockets = new Map<Socket, number>()
  let connections = 0

  const server: Server = createServer((raw, res) => {
    const chunks: Buffer[] = []
    raw.on('data', (chunk: Buffer) => chunks.push(chunk))
    raw.on('end', () => {
      const request: StubRequest = {
        method: raw.method ?? '',
        url: new URL(`http://127.0.0.1${raw.url ?? '/'}`),
        headers: raw.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        connection: sockets.get(raw.socket) ?? 0,
      }
      requests.push(request)
      waiters.get(requests.length)?.(request)
      handler(request, res, raw)
    })
  })
  server.on('connection', (socket: Socket) => {
    connections += 1
    sockets.set(socket, connections)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    get connections() {
      return connections
    },
    request(n) {
      const seen = requests[n - 1]
      if (seen) return Promise.resolve(seen)
      return new Promise((resolve) => waiters.set(n, resolve))
    },
    async close() {
      server.closeAllConnections()
      server.close()
      await once(server, 'close')
    },
  }
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers })
  res.end(JSON.stringify(body))
}

export function graphError(res: ServerResponse, status: number, error: Record<string, unknown>, headers: Record<string, string> = {}): void {
  json(res, status, { error: { type: 'OAuthException', fbtrace_id: 'AbCdEfTrace123', ...error } }, headers)
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  server.close()
  await once(server, 'close')
  return port
}

/** Records every backoff wait and runs it on the next turn of the event loop. */
export class RecordingClock implements Clock {
  readonly delays: number[] = []
  private nextId = 1
  private readonly handles = new Map<number, NodeJS.Immediate>()

  now(): number {
    return Date.now()
  }

  setTimeout(callback: () => void, ms: number): ClockTimer {
    const id = this.nextId++
    this.delays.push(ms)
    this.handles.set(
      id,
      setImmediate(() => {
        this.handles.delete(id)
        callback()
      }),
    )
    return { id }
  }

  clearTimeout(timer: ClockTimer): void {
    const handle = this.handles.get(timer.id)
    if (handle) clearImmediate(handle)
    this.handles.delete(timer.id)
  }
}

/** Holds every timer until the test releases it; `scheduled` resolves when the next one is armed. */
export class HeldClock implements Clock {
  private readonly pending = new Map<number, { ms: number; callback: () => void }>()
  private nextId = 1
  private wake: (() => void) | null = null

  now(): number {
    return Date.now()
  }

  setTimeout(callback: () => void, ms: number): ClockTimer {
    const id = this.nextId++
    this.pending.set(id, { ms, callback })
    this.wake?.()
    this.wake = null
    return { id }
  }

  clearTimeout(timer: ClockTimer): void {
    this.pending.delete(timer.id)
  }

  /** Resolves once a timer is pending (at once if one already is). */
  scheduled(): Promise<void> {
    if (this.pending.size > 0) return Promise.resolve()
    return new Promise((resolve) => (this.wake = resolve))
  }

  get waiting(): number[] {
    return [...this.pending.values()].map((timer) => timer.ms)
  }

  releaseAll(): void {
    const due = [...this.pending.values()]
    this.pending.clear()
    for (const timer of due) timer.callback()
  }
}

/** A client against `baseUrl` with quiet defaults; tests override what they exercise. */
export function testClient(baseUrl: string, overrides: Partial<GraphClientOptions> = {}): GraphClient {
  return createGraphClient({
    baseUrl,
    log: silentLogger,
    redactor: new Redactor(),
    clock: new RecordingClock(),
    timeoutMs: 5_000,
    ...overrides,
  })
}
