/**
 * What Switchboard reads in cloudflared's log lines (zerolog's console format on stderr:
 * `2026-01-01T10:00:00Z INF Registered tunnel connection connIndex=0 …`). The quick tunnel's URL is
 * printed in a box (`|  https://<words>.trycloudflare.com  |`); the connection being registered
 * with Cloudflare's edge is what makes it reachable.
 */

// Quick tunnel names are hyphenated words; the hyphen keeps `https://api.trycloudflare.com` (the
// service cloudflared asks for a tunnel, quoted in its errors) from passing for one.
const QUICK_TUNNEL_URL = /https:\/\/[a-z0-9]+(?:-[a-z0-9]+)+\.trycloudflare\.com(?![\w.-])/i
const REGISTERED = /Registered tunnel connection/
const LEVELLED = /^\S+\s+(ERR|FTL)\s+(.*)$/

export function quickTunnelUrl(line: string): string | null {
  return QUICK_TUNNEL_URL.exec(line)?.[0].toLowerCase() ?? null
}

export function isRegisteredConnection(line: string): boolean {
  return REGISTERED.test(line)
}

/** The message of an ERR or FTL line, for the reason shown when the process dies. */
export function errorMessage(line: string): string | null {
  const match = LEVELLED.exec(line.trim())
  return match?.[2] ? match[2].trim() : null
}
