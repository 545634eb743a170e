/**
 * Secrets must never reach a log line, an error message or a file outside the keychain. The
 * redactor masks two things: anything shaped like a Graph access token, and every exact secret value
 * the core has registered (app secrets and verify tokens have no recognisable shape).
 */

// Graph user/system-user/page tokens start with EAA; app tokens are "<app id>|<secret>".
const tokenShapes = [/\bEAA[A-Za-z0-9]{16,}\b/g, /\b\d{5,20}\|[A-Za-z0-9_-]{16,}\b/g]
const queryShapes = /([?&](?:access_token|input_token|fb_exchange_token|client_secret|appsecret_proof|hub\.verify_token)=)[^&\s"']+/gi
const headerShapes = /(authorization:\s*(?:bearer|oauth)\s+)\S+/gi

export function mask(secret: string): string {
  if (secret.length < 12) return '••••'
  return `${secret.slice(0, 4)}…${secret.slice(-4)}`
}

export class Redactor {
  private readonly known = new Set<string>()

  /** Register a secret value so it is masked wherever it appears. Very short values are ignored. */
  add(secret: string | null | undefined): void {
    if (secret && secret.length >= 6) this.known.add(secret)
  }

  remove(secret: string | null | undefined): void {
    if (secret) this.known.delete(secret)
  }

  redact(text: string): string {
    let out = text
    for (const secret of this.known) {
      if (out.includes(secret)) out = out.split(secret).join(mask(secret))
    }
    out = out.replace(queryShapes, '$1[redacted]').replace(headerShapes, '$1[redacted]')
    for (const shape of tokenShapes) out = out.replace(shape, (match) => mask(match))
    return out
  }
}
