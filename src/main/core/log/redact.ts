import { SECRET_QUERY_PARAMETERS, secretQueryPattern } from './query-redaction'

/**
 * Secrets must never reach a log line, an error message or a file outside the keychain. The
 * redactor masks three things: anything shaped like a Graph access token, the values of secret
 * query parameters (however their names are encoded), and every exact secret value the core has
 * registered (app secrets and verify tokens have no recognisable shape), whatever its length.
 */

// Graph user/system-user/page tokens start with EAA; app tokens are "<app id>|<secret>".
const tokenShapes = [/\bEAA[A-Za-z0-9]{16,}\b/g, /\b\d{5,20}\|[A-Za-z0-9_-]{16,}\b/g]
const queryShapes = secretQueryPattern(SECRET_QUERY_PARAMETERS)
const headerShapes = /(authorization:\s*(?:bearer|oauth)\s+)\S+/gi

const SHOWN_FROM = 16

/**
 * A secret as the UI and logs show it: its first two and last two characters (`EA…Qz`), enough to
 * tell two tokens apart and never more than a quarter of the secret; shorter secrets show nothing.
 */
export function mask(secret: string): string {
  if (secret.length < SHOWN_FROM) return '••••'
  return `${secret.slice(0, 2)}…${secret.slice(-2)}`
}

export class Redactor {
  private readonly known = new Set<string>()
  private longestFirst: string[] | null = null

  /** Register a secret value so it is masked wherever it appears, however short. */
  add(secret: string | null | undefined): void {
    if (!secret || this.known.has(secret)) return
    this.known.add(secret)
    this.longestFirst = null
  }

  remove(secret: string | null | undefined): void {
    if (secret && this.known.delete(secret)) this.longestFirst = null
  }

  redact(text: string): string {
    let out = text
    // Longest first: a short secret inside a longer one must not mask part of it and leave the rest.
    this.longestFirst ??= [...this.known].sort((a, b) => b.length - a.length)
    for (const secret of this.longestFirst) {
      if (out.includes(secret)) out = out.split(secret).join(mask(secret))
    }
    out = out.replace(queryShapes, '$1[redacted]').replace(headerShapes, '$1[redacted]')
    for (const shape of tokenShapes) out = out.replace(shape, (match) => mask(match))
    return out
  }
}
