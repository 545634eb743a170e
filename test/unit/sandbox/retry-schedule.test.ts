import { describe, expect, it } from 'vitest'
import { nextRetryDelay, RETRY_WINDOW_MS } from '../../../src/main/core/sandbox/webhooks'

describe('webhook retry schedule', () => {
  it('backs off with decreasing frequency and stops at 7 days', () => {
    let elapsed = 0
    const delays: number[] = []
    for (let failures = 1; ; failures++) {
      const delay = nextRetryDelay(failures, elapsed)
      if (delay === null) break
      delays.push(delay)
      elapsed += delay
    }
    expect(delays.slice(0, 3)).toEqual([1000, 10_000, 60_000])
    for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThanOrEqual(delays[i - 1]!)
    expect(elapsed).toBeLessThanOrEqual(RETRY_WINDOW_MS)
    expect(elapsed).toBeGreaterThan(RETRY_WINDOW_MS - 24 * 3600 * 1000)
    expect(RETRY_WINDOW_MS).toBe(7 * 24 * 3600 * 1000)
  })
})
