/**
 * Time as the core sees it. Production uses the system clock; tests and the sandbox use a manual
 * clock so that token expiry, scheduled refreshes and webhook delays are deterministic.
 */
export interface Clock {
  now(): number
  setTimeout(callback: () => void, ms: number): ClockTimer
  clearTimeout(timer: ClockTimer): void
}

export interface ClockTimer {
  readonly id: number
}
