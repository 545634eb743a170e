import { z } from 'zod'
import type { AppError } from '@shared/contract'

/** Graph's rate-limit codes: app, user, page, custom, WABA hourly, throughput per number, spam, pair (per recipient). */
const RATE_LIMITS = new Set([4, 17, 32, 613, 80007, 130429, 131048, 131056])

/** What Meta documents as the pace once a limit is hit, when the answer says nothing more precise. */
const DEFAULT_WAIT: Readonly<Record<number, string>> = {
  130429: 'Retry in a few seconds: this number sends too many messages per second.',
  131056: 'Wait at least 6 seconds before the next message to this person (Meta allows one every 6 s after a burst).',
  80007: 'The WhatsApp Business Account’s hourly limit resets within the hour.',
  4: 'The app’s call limit is measured over the last hour; retry in a few minutes.',
}

/** `X-Business-Use-Case-Usage`: per business, a list of usage entries. */
const businessUsage = z.record(z.string(), z.array(z.looseObject({ estimated_time_to_regain_access: z.number().optional().catch(undefined) }).catch({})))

/** Minutes until access returns, from `X-Business-Use-Case-Usage` (`estimated_time_to_regain_access`). */
function regainMinutes(header: string | undefined): number | null {
  if (!header) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(header)
  } catch {
    return null
  }
  const usage = businessUsage.safeParse(parsed)
  if (!usage.success) return null
  const minutes = Object.values(usage.data)
    .flat()
    .map((entry) => entry.estimated_time_to_regain_access ?? 0)
    .filter((m) => m > 0)
  return minutes.length ? Math.max(...minutes) : null
}

/** Seconds from `Retry-After` (a number of seconds or an HTTP date). */
function retryAfterSeconds(header: string | undefined, now: number): number | null {
  if (!header) return null
  if (/^\s*\d+\s*$/.test(header)) return Math.max(0, Number(header))
  const at = Date.parse(header)
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - now) / 1000))
}

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })

/** For a rate-limit error: when to try again, as precisely as the answer allows. */
export function retryAdvice(error: AppError, now: number): string | null {
  const code = error.graph?.code
  if (code === undefined || !RATE_LIMITS.has(code)) return null
  const headers = error.exchange?.responseHeaders ?? {}
  const seconds = retryAfterSeconds(headers['retry-after'], now)
  if (seconds !== null) return `Rate limited: retry after ${clock.format(now + seconds * 1000)} (in ${seconds} s).`
  const minutes = regainMinutes(headers['x-business-use-case-usage'])
  if (minutes !== null) return `Rate limited: Meta estimates access returns in about ${minutes} min (around ${clock.format(now + minutes * 60_000)}).`
  return `Rate limited. ${DEFAULT_WAIT[code] ?? 'Wait a while before retrying.'}`
}

/** The send may or may not have reached Meta: the core says so, or its answer never came back to this window. */
export function isOutcomeUnknown(error: AppError): boolean {
  return error.code === 'outcome_unknown' || error.code === 'connection_lost'
}
