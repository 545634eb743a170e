import type { Server } from 'node:http'
import type { Socket } from 'node:net'

export interface ConnectionGuardOptions {
  /** Above this many open connections, the slowest ones are let go. */
  softLimit: number
  /** Never more open connections than this. */
  hardLimit: number
  /** A connection that has not sent one complete request head for this long counts as slow. */
  slowAfterMs: number
}

/**
 * Slow-client defence. Node's header timeout alone lets a slowloris hold every slot for seconds,
 * and Node's own connection cap drops newcomers (real deliveries among them) without a word. So
 * the cap is enforced here: past the soft limit the oldest connections that still have not sent
 * a complete request head are closed (on each new connection and on a short sweep); at the hard
 * limit the oldest head-less connection goes however young it is — a real delivery sends its head
 * within milliseconds, so only a flood of newer connections could push it out.
 */
export function guardConnections(server: Server, options: ConnectionGuardOptions): void {
  const live = new Set<Socket>()
  const pending = new Map<Socket, number>()
  const close = (socket: Socket) => {
    live.delete(socket)
    pending.delete(socket)
    socket.destroy()
  }
  const evict = (count: number, olderThanMs: number, spare?: Socket) => {
    const cutoff = Date.now() - olderThanMs
    let evicted = 0
    // Map iteration is insertion order: oldest connections first.
    for (const [socket, since] of pending) {
      if (evicted >= count || since > cutoff) break
      if (socket === spare) continue
      close(socket)
      evicted++
    }
  }

  server.on('connection', (socket: Socket) => {
    live.add(socket)
    pending.set(socket, Date.now())
    socket.once('close', () => {
      live.delete(socket)
      pending.delete(socket)
    })
    if (live.size > options.softLimit) evict(live.size - options.softLimit, options.slowAfterMs, socket)
    if (live.size > options.hardLimit) evict(live.size - options.hardLimit, 0, socket)
    if (live.size > options.hardLimit) close(socket)
  })
  server.on('request', (request: { socket: Socket }) => {
    pending.delete(request.socket)
  })
  const sweep = setInterval(() => {
    if (live.size > options.softLimit) evict(live.size - options.softLimit, options.slowAfterMs)
  }, 250)
  sweep.unref()
  server.once('close', () => clearInterval(sweep))
}
