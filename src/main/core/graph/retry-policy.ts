import type { NetworkFailure } from './errors'
import type { RetryOptions } from './options'

/** What went wrong with one try of a GET, as far as retrying is concerned. */
export type AttemptFailure = { kind: 'graph'; transient: boolean } | { kind: 'network'; reason: NetworkFailure }

const permanentNetworkFailures = new Set<NetworkFailure>(['aborted', 'closed', 'tls'])

/**
 * Only reads are retried, and only when a later try can succeed: no answer at all (unless the
 * caller or shutdown cut it, or TLS failed, which a few seconds will not fix), or a Graph answer that
 * is transient (codes 1, 2, `is_transient`, a 5xx that does not say otherwise). Rate limits are not
 * retried here even when Meta flags them transient: their windows run for minutes to an hour, and
 * quick retries only spend the budget.
 */
export function isRetryable(failure: AttemptFailure): boolean {
  if (failure.kind === 'network') return !permanentNetworkFailures.has(failure.reason)
  return failure.transient
}

/** Exponential backoff with "equal jitter": half the step fixed, half random. `retry` counts from 0. */
export function backoffDelay(retry: number, options: RetryOptions, random: () => number): number {
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry)
  return Math.round(step / 2 + random() * (step / 2))
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (!header) return null
  const trimmed = header.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const at = Date.parse(trimmed)
  return Number.isNaN(at) ? null : Math.max(0, at - now)
}

export function retryDelay(retry: number, options: RetryOptions, random: () => number, retryAfterMs: number | null): number {
  return Math.min(options.maxDelayMs, Math.max(backoffDelay(retry, options, random), retryAfterMs ?? 0))
}
