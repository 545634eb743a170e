import { timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { GraphError } from '../graph-error'
import type { GraphTarget } from './request'

/** The first path segment of the sandbox's own controls (`/_sandbox/…`), which are not Graph. */
export const CONTROL_SEGMENT = '_sandbox'
/** Carries the per-run control key; only the process running the sandbox and its data dir's owner know it. */
export const CONTROL_KEY_HEADER = 'x-sandbox-control-key'

// A loopback literal: a page reached through a rebound DNS name sends its own name here, never one of these.
const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost)(?::\d{1,5})?$/i

function refused(message: string): GraphError {
  return new GraphError(403, { message, type: 'OAuthException', code: 10 })
}

/**
 * Meta's Graph API is called by servers, never by browsers, so the sandbox on loopback answers no
 * browser either: a web page could otherwise post to it (CSRF) or, through a DNS name rebound to
 * 127.0.0.1, read its answers. Requests are refused, before their body is read, when the Host is
 * not a loopback name, when they carry an `Origin` (browsers add it to cross-origin and
 * state-changing requests) or a `Sec-Fetch-Site` other than `none` (a person typing the URL), and,
 * for `/_sandbox/…`, when they lack this run's control key.
 */
export function refusalOf(headers: IncomingHttpHeaders, target: GraphTarget, controlKey: string): GraphError | null {
  const host = headers.host
  if (host === undefined || !LOOPBACK_HOST.test(host)) {
    return refused('The sandbox answers only requests addressed to 127.0.0.1 or localhost (Host header)')
  }
  if (headers.origin !== undefined) return refused('The sandbox does not answer browsers: the request carries an Origin header')
  const site = headers['sec-fetch-site']
  if (site !== undefined && site !== 'none') return refused(`The sandbox does not answer browsers: the request was made by a web page (Sec-Fetch-Site: ${String(site)})`)
  if (target.segments[0] === CONTROL_SEGMENT && !keyMatches(headers[CONTROL_KEY_HEADER], controlKey)) {
    return refused(`The sandbox's controls need this run's key in the ${CONTROL_KEY_HEADER} header (Switchboard keeps it in <data dir>/sandbox/endpoint.json)`)
  }
  return null
}

function keyMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
