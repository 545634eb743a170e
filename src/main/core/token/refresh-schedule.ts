import type { Clock } from '../clock'
import { refreshAt, type RefreshPolicy } from './policy'
import type { TokenState } from './token-state'

/**
 * When a profile's token is inspected and refreshed next: inspected every few hours (and right
 * after it expires, to say so), refreshed when the policy says so, never twice within the minimum
 * interval, later after each failure.
 */
export function armSchedule(input: {
  state: TokenState
  clock: Clock
  policy: RefreshPolicy
  /** Whether any refresh can help the current token. */
  refreshable: boolean
  inspect: () => void
  refresh: () => void
}): void {
  const { state, clock, policy } = input
  clearSchedule(state, clock)
  const now = clock.now()
  const expiresAt = state.inspection?.expiresAt ?? null
  let nextInspection = now + policy.inspectEveryMs
  if (expiresAt && expiresAt > now) nextInspection = Math.min(nextInspection, expiresAt + 1000)
  state.nextInspectionAt = nextInspection
  state.inspectTimer = clock.setTimeout(input.inspect, nextInspection - now)

  const due = state.inspection ? refreshAt(state.inspection, policy) : null
  if (due === null || !input.refreshable || (expiresAt !== null && expiresAt > 0 && expiresAt <= now)) {
    state.nextRefreshAt = null
    return
  }
  const backoff = state.failures > 0 ? (policy.backoffMs[Math.min(state.failures, policy.backoffMs.length) - 1] ?? 0) : 0
  const at = Math.max(due, now + backoff, state.lastScheduledRun + policy.minIntervalMs)
  state.nextRefreshAt = at
  state.refreshTimer = clock.setTimeout(() => {
    state.lastScheduledRun = clock.now()
    input.refresh()
  }, at - now)
}

export function clearSchedule(state: TokenState, clock: Clock): void {
  if (state.refreshTimer) clock.clearTimeout(state.refreshTimer)
  if (state.inspectTimer) clock.clearTimeout(state.inspectTimer)
  state.refreshTimer = undefined
  state.inspectTimer = undefined
}
