import type { TokenKind } from '@shared/contract'

const DAY = 24 * 60 * 60 * 1000

/**
 * What kind of token this is decides which refresh Meta supports. `debug_token`'s `type` plus its
 * lifetime: expiry 0 (or absent) means never; a USER token living about a day is the temporary one
 * from API Setup.
 */
export function tokenKind(type: string | null, expiresAt: number | null, issuedAt: number | null): TokenKind {
  const never = expiresAt === null || expiresAt === 0
  switch (type ?? '') {
    case 'SYSTEM_USER':
      return never ? 'system_user_never' : 'system_user_expiring'
    case 'USER': {
      if (never) return 'user_long'
      const lifetime = issuedAt ? expiresAt - issuedAt : null
      return lifetime !== null && lifetime <= 2 * DAY ? 'user_temporary' : 'user_long'
    }
    case 'APP':
      return 'app'
    case 'PAGE':
      return 'page'
    default:
      return 'unknown'
  }
}
