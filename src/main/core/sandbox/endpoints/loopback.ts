import type { Server } from 'node:http'
import { isIP } from 'node:net'

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address
  if (isIP(v4) === 4) return v4.startsWith('127.')
  return address === '::1'
}

/**
 * The sandbox binds to 127.0.0.1, and also refuses any connection whose peer is not loopback, so a
 * misconfigured bind or a forwarded socket never exposes it.
 */
export function refuseNonLoopback(server: Server, onRefused?: (address: string | undefined) => void): void {
  server.on('connection', (socket) => {
    if (isLoopbackAddress(socket.remoteAddress)) return
    onRefused?.(socket.remoteAddress)
    socket.destroy()
  })
}
