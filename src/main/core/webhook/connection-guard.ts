import type { Server } from 'node:http'
import type { Socket } from 'node:net'

export interface ConnectionGuardOptions {
  /** Above this many open connections, the slowest ones are let go. */
  softLimit: number
  /** A connection that has not sent one complete request head for this long counts as slow. */
  slowAfterMs: number
}

/**
 * Slow-client defence: Node's header timeout alone lets a slowloris hold every slot for seconds.
 * When connections pile up past the soft limit, the oldest ones that still have not sent a complete
 * request head are closed first, so real deliveries keep getting through.
 */
export function guardConnections(server: Server, options: ConnectionGuardOptions): void {
  const pending = new Map<Socket, number>()
  server.on('connection', (socket: Socket) => {
    pending.set(socket, Date.now())
    socket.once('close', () => pending.delete(socket))
    if (pending.size > options.softLimit) evictSlowest()
  })
  server.on('request', (request: { socket: Socket }) => {
    pending.delete(request.socket)
  })

  function evictSlowest(): void {
    const cutoff = Date.now() - options.slowAfterMs
    const excess = pending.size - options.softLimit
    let evicted = 0
    // Map iteration is insertion order: oldest connections first.
    for (const [socket, since] of pending) {
      if (evicted >= excess) break
      if (since > cutoff) break
      pending.delete(socket)
      socket.destroy()
      evicted++
    }
  }
}
