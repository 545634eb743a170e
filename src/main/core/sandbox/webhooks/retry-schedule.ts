const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Meta keeps retrying a failed delivery "with decreasing frequency" for up to 7 days; so does the sandbox. */
export const RETRY_WINDOW_MS = 7 * DAY
const BACKOFF_MS = [1 * SECOND, 10 * SECOND, 1 * MINUTE, 5 * MINUTE, 15 * MINUTE, 1 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR]

/**
 * The simulated delay before the next attempt, after `failures` failed attempts that began
 * `elapsedMs` ago (both unscaled); `null` once the next attempt would fall outside the window.
 */
export function nextRetryDelay(failures: number, elapsedMs: number): number | null {
  const delay = BACKOFF_MS[failures - 1] ?? DAY
  if (elapsedMs + delay > RETRY_WINDOW_MS) return null
  return delay
}
