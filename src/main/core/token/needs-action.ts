import type { TokenInspection, TokenStatus } from '@shared/contract'
import { tokenSubcodes } from '../graph'

const SYSTEM_USERS = 'https://business.facebook.com/settings/system-users'
const systemUserHowTo =
  'Create a system-user token: Business Settings → Users → System users → Add (Admin) → Generate new token for your app, ' +
  'with whatsapp_business_messaging and whatsapp_business_management, expiring in 60 days or never; paste it in Settings.'

type Action = NonNullable<TokenStatus['needsAction']>

/** What the operator must do about this token, in plain words, or null when Switchboard can cope. */
export function needsAction(inspection: TokenInspection | null, hasToken: boolean, canRefresh: boolean, now: number): Action | null {
  if (!hasToken) return { message: 'This profile has no access token', fix: systemUserHowTo, link: SYSTEM_USERS }
  if (!inspection) return null
  if (!inspection.valid) {
    const subcode = inspection.error?.subcode ?? null
    const expired = subcode === 463 || (inspection.expiresAt !== null && inspection.expiresAt > 0 && inspection.expiresAt <= now)
    if (canRefresh && !expired) return null
    const why = subcode !== null && tokenSubcodes[subcode] ? tokenSubcodes[subcode] : (inspection.error?.message ?? 'Graph says the token is not valid.')
    return {
      message: expired ? `Expired — needs a new token. ${why} An expired token cannot be exchanged for a new one.` : `The token is not valid: ${why}`,
      fix: systemUserHowTo,
      link: SYSTEM_USERS,
    }
  }
  switch (inspection.kind) {
    case 'user_temporary':
      return canRefresh
        ? null
        : { message: 'This is the temporary token from API Setup: it lasts about 24 hours and Meta offers no way to refresh it.', fix: systemUserHowTo, link: SYSTEM_USERS }
    case 'app':
      return { message: 'This is an app token: it identifies the app and cannot send messages.', fix: systemUserHowTo, link: SYSTEM_USERS }
    case 'page':
      return { message: 'This is a Page token: WhatsApp needs a system-user or user token.', fix: systemUserHowTo, link: SYSTEM_USERS }
    case 'user_long':
      return canRefresh
        ? null
        : {
            message:
              'This long-lived user token lasts about 60 days and cannot be extended: exchanging it again returns the same expiry, only a new login issues a new one.',
            fix: `Before it expires, log in again for a new user token, or better: ${systemUserHowTo.charAt(0).toLowerCase()}${systemUserHowTo.slice(1)}`,
            link: SYSTEM_USERS,
          }
    case 'system_user_expiring':
    case 'user_short':
      return canRefresh
        ? null
        : {
            message: 'This token expires and Switchboard cannot refresh it: the app ID or app secret is missing.',
            fix: 'Add the app ID and app secret in Settings (App settings → Basic).',
            link: null,
          }
    default:
      return null
  }
}
