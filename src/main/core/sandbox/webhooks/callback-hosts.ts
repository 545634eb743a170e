import { isIP } from 'node:net'

/** Decides which callback URLs, besides loopback ones, a handshake may call (the running tunnel's). */
export type CallbackAllowance = (url: URL) => boolean

export const loopbackOnly: CallbackAllowance = () => false

/** `localhost`, 127.0.0.0/8 and ::1, as `URL.hostname` writes them (IPv6 in brackets). */
export function isLoopbackHostname(hostname: string): boolean {
  if (hostname === 'localhost') return true
  if (isIP(hostname) === 4) return hostname.startsWith('127.')
  return hostname === '[::1]'
}

/**
 * The sandbox fetches the URLs it is given to register, so whoever can call it could make it reach
 * any host the machine can (SSRF). It calls only this machine's loopback and what `allowance`
 * accepts; the URL parser has already normalised other spellings of 127.0.0.1 (`2130706433`, `0x7f.1`).
 */
export function mayCall(url: URL, allowance: CallbackAllowance): boolean {
  return isLoopbackHostname(url.hostname) || allowance(url)
}
