import { describe, expect, it } from 'vitest'
import { backoffDelay, isRetryable, parseRetryAfter, retryDelay } from '../../../src/main/core/graph/retry-policy'

const options = { attempts: 5, baseDelayMs: 200, maxDelayMs: 3_000 }

describe('retry policy', () => {
  it('doubles the step on each retry, jitters within its upper half, and caps it', () => {
    expect([0, 1, 2, 3, 4].map((retry) => backoffDelay(retry, options, () => 0))).toEqual([100, 200, 400, 800, 1_500])
    expect([0, 1, 2, 3, 4].map((retry) => backoffDelay(retry, options, () => 0.999999))).toEqual([200, 400, 800, 1_600, 3_000])
  })

  it('waits at least what Retry-After asks, never more than the maximum', () => {
    expect(retryDelay(0, options, () => 0, 1_000)).toBe(1_000)
    expect(retryDelay(0, options, () => 0, 60_000)).toBe(3_000)
    expect(retryDelay(2, options, () => 0, null)).toBe(400)
  })

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(parseRetryAfter('7', now)).toBe(7_000)
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3_000)
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeNull()
    expect(parseRetryAfter(null, now)).toBeNull()
  })

  it('retries lost answers and transient Graph errors, not cancellations, TLS failures or permanent errors', () => {
    for (const reason of ['refused', 'dns', 'timeout', 'reset', 'other'] as const) expect(isRetryable({ kind: 'network', reason })).toBe(true)
    for (const reason of ['aborted', 'closed', 'tls'] as const) expect(isRetryable({ kind: 'network', reason })).toBe(false)
    expect(isRetryable({ kind: 'graph', transient: true })).toBe(true)
    expect(isRetryable({ kind: 'graph', transient: false })).toBe(false)
  })
})
