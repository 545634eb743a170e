/**
 * Parameter and field names whose values are secrets wherever they appear: in a query string, a
 * form body or a JSON body (requests and responses — `oauth/access_token` answers with a token).
 */
const secretNames = new Set([
  'access_token',
  'input_token',
  'fb_exchange_token',
  'client_secret',
  'appsecret_proof',
  'app_secret',
  'refresh_token',
  'verify_token',
  'hub.verify_token',
  'password',
  'pin',
])

export const REDACTED = '[redacted]'

export function isSecretName(name: string): boolean {
  return secretNames.has(name.toLowerCase())
}

/** `a=1&access_token=[redacted]`: readable, with secret values replaced. */
export function redactedParams(params: URLSearchParams): string {
  const parts: string[] = []
  for (const [name, value] of params) {
    parts.push(`${encodeURIComponent(name)}=${isSecretName(name) ? REDACTED : encodeURIComponent(value)}`)
  }
  return parts.join('&')
}

export function redactedUrl(url: URL): string {
  const query = redactedParams(url.searchParams)
  return `${url.origin}${url.pathname}${query ? `?${query}` : ''}`
}

/** A deep copy of a JSON value with every secret-named field replaced. */
export function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson)
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value)) {
      out[key] = isSecretName(key) && inner !== null && inner !== undefined ? REDACTED : redactJson(inner)
    }
    return out
  }
  return value
}
