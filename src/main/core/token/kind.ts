import type { TokenKind } from '@shared/contract'

const DAY = 24 * 60 * 60 * 1000

const HOUR = 60 * 60 * 1000

/**
 * What kind of token this is decides which refresh Meta supports. `debug_token`'s `type` plus its
 * lifetime: expiry 0 (or absent) means never; a USER token living an hour or two is a short-lived
 * login token (exchangeable for a long-lived one), one living about a day is the temporary token
 * from API Setup (no supported refresh).
 */
export function tokenKind(type: string | null, expiresAt: number | null, issuedAt: number | null): TokenKind {
  const never = expiresAt === null || expiresAt === 0
  switch (type ?? '') {
    case 'SYSTEM_USER':
      return never ? 'system_user_never' : 'system_user_expiring'
    case 'USER': {
      if (never) return 'user_long'
      const lifetime = issuedAt ? expiresAt - issuedAt : null
      if (lifetime === null || lifetime > 2 * DAY) return 'user_long'
      return lifetime <= 4 * HOUR ? 'user_short' : 'user_temporary'
    }
    case 'APP':
      return 'app'
    case 'PAGE':
      return 'page'
    default:
      return 'unknown'
  }
}
