/**
 * Query parameters whose values are secrets wherever they appear: tokens, the app secret and its
 * proof, and the verify token of Meta's webhook handshake.
 */
export const SECRET_QUERY_PARAMETERS = ['access_token', 'input_token', 'fb_exchange_token', 'client_secret', 'appsecret_proof', 'hub.verify_token'] as const

const REDACTED = '[redacted]'

/**
 * A URL (or a request target such as `/webhook?…`) with the values of the named query parameters
 * replaced by `[redacted]`, recognising each name however it is spelled on the wire: a server reads
 * `hub%2Everify_token` or `%68ub.verify_token` as `hub.verify_token`, so a redaction that looks only
 * for the plain name lets those through. Names are decoded as `URLSearchParams` decodes them, i.e.
 * exactly as the listener that acts on them does. Everything else is kept byte for byte.
 */
export function redactQueryValues(url: string, names: readonly string[]): string {
  const start = url.indexOf('?')
  if (start === -1) return url
  const end = url.indexOf('#', start)
  const query = url.slice(start + 1, end === -1 ? undefined : end)
  const wanted = new Set(names)
  const pairs = query.split('&').map((pair) => {
    const equals = pair.indexOf('=')
    if (equals === -1) return pair
    const name = new URLSearchParams(pair).keys().next().value
    return name !== undefined && wanted.has(name) ? `${pair.slice(0, equals + 1)}${REDACTED}` : pair
  })
  return `${url.slice(0, start + 1)}${pairs.join('&')}${end === -1 ? '' : url.slice(end)}`
}

/**
 * For text that is not one URL (log lines, error messages): a pattern that finds `?name=value` and
 * `&name=value` for these names with any of their characters percent-encoded (hex in either case).
 * Group 1 is everything up to the `=`, group 2 the value.
 */
export function secretQueryPattern(names: readonly string[]): RegExp {
  const alternatives = names.map((name) => [...name].map(spellings).join(''))
  return new RegExp(`([?&](?:${alternatives.join('|')})=)([^&\\s"'#]+)`, 'gi')
}

function spellings(character: string): string {
  const hex = character.charCodeAt(0).toString(16).padStart(2, '0')
  const literal = character.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return `(?:${literal}|%${hex})`
}
