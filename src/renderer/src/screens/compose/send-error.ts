import type { AppError, GraphExchangeView } from '@shared/contract'

type Json = Record<string, unknown>
const obj = (value: unknown): Json | undefined => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined)

/** Graph's rate-limit codes: app, user, page, custom, WABA hourly, throughput per number, spam, pair (per recipient). */
const RATE_LIMITS = new Set([4, 17, 32, 613, 80007, 130429, 131048, 131056])

/** What Meta documents as the pace once a limit is hit, when the answer says nothing more precise. */
const DEFAULT_WAIT: Readonly<Record<number, string>> = {
  130429: 'Retry in a few seconds: this number sends too many messages per second.',
  131056: 'Wait at least 6 seconds before the next message to this person (Meta allows one every 6 s after a burst).',
  80007: 'The WhatsApp Business Account’s hourly limit resets within the hour.',
  4: 'The app’s call limit is measured over the last hour; retry in a few minutes.',
}

const asNumber = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : null)

/** The raw Graph exchange attached to an error (it crosses the boundary as a plain record). */
export function exchangeOf(value: unknown): GraphExchangeView | null {
  const e = obj(value)
  if (!e || typeof e.method !== 'string' || typeof e.url !== 'string') return null
  const record = (v: unknown) => Object.fromEntries(Object.entries(obj(v) ?? {}).map(([k, x]) => [k, String(x)]))
  return {
    requestId: typeof e.requestId === 'string' ? e.requestId : '',
    method: e.method,
    url: e.url,
    requestHeaders: record(e.requestHeaders),
    requestBody: typeof e.requestBody === 'string' ? e.requestBody : null,
    status: asNumber(e.status),
    responseHeaders: record(e.responseHeaders),
    responseBody: typeof e.responseBody === 'string' ? e.responseBody : null,
    durationMs: asNumber(e.durationMs) ?? 0,
    fbtraceId: typeof e.fbtraceId === 'string' ? e.fbtraceId : null,
    attempts: asNumber(e.attempts) ?? 1,
  }
}

/** Minutes until access returns, from `X-Business-Use-Case-Usage` (`estimated_time_to_regain_access`). */
function regainMinutes(header: string | undefined): number | null {
  if (!header) return null
  try {
    const usage = obj(JSON.parse(header)) ?? {}
    const minutes = Object.values(usage)
      .flatMap((entries): unknown[] => (Array.isArray(entries) ? (entries as unknown[]) : []))
      .map((entry) => asNumber(obj(entry)?.estimated_time_to_regain_access))
      .filter((m): m is number => m !== null && m > 0)
    return minutes.length ? Math.max(...minutes) : null
  } catch {
    return null
  }
}

/** Seconds from `Retry-After` (a number of seconds or an HTTP date). */
function retryAfterSeconds(header: string | undefined, now: number): number | null {
  if (!header) return null
  const seconds = asNumber(header)
  if (seconds !== null) return Math.max(0, seconds)
  const at = Date.parse(header)
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - now) / 1000))
}

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })

/** For a rate-limit error: when to try again, as precisely as the answer allows. */
export function retryAdvice(error: AppError, now: number): string | null {
  const code = error.graph?.code
  if (code === undefined || !RATE_LIMITS.has(code)) return null
  const headers = exchangeOf(error.exchange)?.responseHeaders ?? {}
  const seconds = retryAfterSeconds(headers['retry-after'], now)
  if (seconds !== null) return `Rate limited: retry after ${clock.format(now + seconds * 1000)} (in ${seconds} s).`
  const minutes = regainMinutes(headers['x-business-use-case-usage'])
  if (minutes !== null) return `Rate limited: Meta estimates access returns in about ${minutes} min (around ${clock.format(now + minutes * 60_000)}).`
  return `Rate limited. ${DEFAULT_WAIT[code] ?? 'Wait a while before retrying.'}`
}

/**
 * The send may or may not have reached Meta: the core says so (`outcome_unknown`), or the answer
 * never came back to this window (the connection dropped or timed out: the transport's errors
 * carry neither a request id nor a fix, unlike the core's network errors).
 */
export function isOutcomeUnknown(error: AppError): boolean {
  return error.code === 'outcome_unknown' || (error.code === 'network' && error.requestId === undefined && error.fix === undefined)
}

/** The error as `ErrorMessage` shows it, without repeating Graph's hint as the fix. */
export function withoutRepeatedFix(error: AppError): AppError {
  if (!error.fix || error.fix !== error.graph?.hint) return error
  const { fix: _fix, ...rest } = error
  return rest
}
