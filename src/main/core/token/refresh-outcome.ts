import type { RefreshStrategy } from '@shared/contract'

/** Whether a refresh moved the expiry: later, or to never. An unknown old expiry counts as moved. */
export function extendsExpiry(oldExpiresAt: number | null, newExpiresAt: number | null): boolean {
  if (oldExpiresAt === null || oldExpiresAt === 0) return true
  return newExpiresAt === 0 || (newExpiresAt !== null && newExpiresAt > oldExpiresAt)
}

/** What to do after a refresh that gained nothing, by what was tried. */
export function noGainNote(strategy: RefreshStrategy): string {
  return strategy === 'exchange_user'
    ? 'Meta answered with a token that expires no later than this one: a long-lived user token cannot be extended. Log in again for a new user token before this one expires, or move to a system-user token, which Switchboard renews by itself. This exchange is not tried again for this token.'
    : "Meta answered with a token that expires no later than this one, so it was not kept. This refresh is not tried again for this token; paste a new token, or add the system user's admin token so Switchboard can mint one."
}
