import type { RefreshStrategy, TokenInspection, TokenStatus } from '@shared/contract'
import type { ProfileSecrets } from '../secrets'
import type { ProfileRow, RefreshLogEntry } from '../store'
import { needsAction } from './needs-action'
import { canMint, refreshAt, type RefreshPolicy } from './policy'
import type { TokenState } from './token-state'

/** A token is "expiring soon" once it is past the moment the policy would refresh it. */
function dueAt(inspection: TokenInspection, policy: RefreshPolicy): number {
  return refreshAt(inspection, policy) ?? Number.POSITIVE_INFINITY
}

export function withoutProfile(entry: RefreshLogEntry) {
  const { profileId: _profileId, ...rest } = entry
  return rest
}

/** What the UI and the CLI are told about a profile's token: its state, what to do, what comes next. */
export function tokenStatusView(input: {
  profile: ProfileRow
  secrets: ProfileSecrets
  state: TokenState
  strategies: RefreshStrategy[]
  lastRefresh: RefreshLogEntry | null
  policy: RefreshPolicy
  now: number
}): TokenStatus {
  const { profile, secrets, state, strategies, policy, now } = input
  const inspection = state.inspection
  const hasToken = Boolean(secrets.accessToken)
  const expired = inspection?.expiresAt !== null && inspection?.expiresAt !== undefined && inspection.expiresAt > 0 && inspection.expiresAt <= now
  const expiredForGood = expired || (inspection !== null && !inspection.valid)
  const refreshable = expiredForGood ? canMint(profile, secrets) : strategies.length > 0
  return {
    profileId: profile.id,
    profileName: profile.name,
    state: !hasToken
      ? 'no_token'
      : !inspection
        ? 'unknown'
        : expired || inspection.error?.subcode === 463
          ? 'expired'
          : !inspection.valid
            ? 'invalid'
            : dueAt(inspection, policy) <= now
              ? 'expiring_soon'
              : 'valid',
    inspection,
    needsAction: needsAction(inspection, hasToken, refreshable, now),
    strategies,
    nextRefreshAt: state.nextRefreshAt,
    nextInspectionAt: state.nextInspectionAt,
    refreshing: state.refreshing !== null,
    lastRefresh: input.lastRefresh && withoutProfile(input.lastRefresh),
    lastError: state.lastError,
    now,
  }
}
