import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { WS_TOKEN_PREFIX } from '@shared/contract'

/** A fresh random session token for one `switchboard serve` run (URL-safe, 256 bits). */
export function createSessionToken(): string {
  return randomBytes(32).toString('base64url')
}

export function tokensEqual(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The token travels as a WebSocket subprotocol (`token.<value>`), never in a URL the server logs. */
export function tokenFromProtocols(header: string | undefined): string | undefined {
  if (!header) return undefined
  for (const part of header.split(',')) {
    const protocol = part.trim()
    if (protocol.startsWith(WS_TOKEN_PREFIX)) return protocol.slice(WS_TOKEN_PREFIX.length)
  }
  return undefined
}

/** Hosts under which the server answers; anything else is a DNS-rebinding attempt. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`])
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])
}

export type AccessVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string }

export function checkUpgrade(request: IncomingMessage, port: number, token: string): AccessVerdict {
  if (!allowedHosts(port).has(request.headers.host ?? '')) {
    return { ok: false, status: 403, reason: 'unexpected Host header' }
  }
  const origin = request.headers.origin
  if (origin === undefined || !allowedOrigins(port).has(origin)) {
    return { ok: false, status: 403, reason: 'Origin not allowed' }
  }
  if (!tokensEqual(token, tokenFromProtocols(request.headers['sec-websocket-protocol']))) {
    return { ok: false, status: 401, reason: 'missing or wrong session token' }
  }
  return { ok: true }
}
