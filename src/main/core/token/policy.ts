import type { RefreshStrategy, TokenInspection } from '@shared/contract'
import type { ProfileSecrets } from '../secrets'
import type { ProfileRow } from '../store'

const DAY = 24 * 60 * 60 * 1000

export interface RefreshPolicy {
  /** Refresh once less than this share of the token's lifetime remains … */
  lifetimeShare: number
  /** … or once less than this remains, whichever moment comes first. */
  minRemainingMs: number
  /** Never earlier than this share of the lifetime before expiry (short-lived tokens would refresh forever). */
  maxLeadShare: number
  /** Inspect again this often to notice revocation. */
  inspectEveryMs: number
  /** Waits after consecutive failures; the last one repeats. */
  backoffMs: readonly number[]
  /** Scheduled refreshes are never closer together than this. */
  minIntervalMs: number
}

export const defaultPolicy: RefreshPolicy = {
  lifetimeShare: 0.25,
  minRemainingMs: 7 * DAY,
  maxLeadShare: 0.5,
  inspectEveryMs: 6 * 60 * 60 * 1000,
  backoffMs: [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 6 * 60 * 60_000],
  minIntervalMs: 30_000,
}

/**
 * When to refresh: when less than 25% of the lifetime or 7 days remain, whichever comes first,
 * but never more than half the lifetime early (a 5-minute sandbox token refreshes at 2.5 minutes).
 */
export function refreshAt(inspection: TokenInspection, policy: RefreshPolicy): number | null {
  const expiresAt = inspection.expiresAt
  if (!inspection.valid || expiresAt === null || expiresAt === 0) return null
  const issuedAt = inspection.issuedAt ?? expiresAt - 60 * DAY
  const lifetime = Math.max(0, expiresAt - issuedAt)
  const lead = Math.min(Math.max(policy.lifetimeShare * lifetime, policy.minRemainingMs), policy.maxLeadShare * lifetime)
  return expiresAt - lead
}

export function canMint(profile: ProfileRow, secrets: ProfileSecrets): boolean {
  return Boolean(secrets.adminToken && profile.systemUserId && secrets.appId && secrets.appSecret)
}

/**
 * The refreshes Meta supports for this kind of token, in the order `auto` tries them. A long-lived
 * user token is never exchanged on its own: Meta answers with the same expiry (only a new login
 * extends it); an operator who asks for that exchange anyway (`asked`) gets it, and sees it gain
 * nothing. Strategies that already gained nothing for this very token (`barren`) are left out.
 */
export function strategiesFor(
  inspection: TokenInspection | null,
  profile: ProfileRow,
  secrets: ProfileSecrets,
  options: { barren?: ReadonlySet<RefreshStrategy> | undefined; asked?: boolean } = {},
): RefreshStrategy[] {
  const mint: RefreshStrategy[] = canMint(profile, secrets) ? ['mint'] : []
  const exchange = Boolean(secrets.appId && secrets.appSecret)
  const offered = ((): RefreshStrategy[] => {
    switch (inspection?.kind) {
      case 'system_user_expiring':
        return [...(exchange ? (['exchange_system_user'] as const) : []), ...mint]
      case 'user_short':
        return [...(exchange ? (['exchange_user'] as const) : []), ...mint]
      case 'user_long':
        return [...mint, ...(exchange && options.asked ? (['exchange_user'] as const) : [])]
      default:
        return mint
    }
  })()
  return offered.filter((strategy) => !options.barren?.has(strategy))
}
