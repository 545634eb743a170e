import { SwitchboardError, type RefreshStrategy } from '@shared/contract'
import type { GraphClient } from '../graph'
import type { ProfileSecrets } from '../secrets'
import type { ProfileRow } from '../store'

const MINT_SCOPES = ['whatsapp_business_messaging', 'whatsapp_business_management']

type Json = Record<string, unknown>

function tokenFrom(data: unknown, what: string): string {
  const token = (data as Json | null)?.access_token
  if (typeof token !== 'string' || token === '') throw new Error(`${what} answered without an access_token`)
  return token
}

/**
 * Each refresh exactly as Meta documents it:
 * - exchange: `GET /oauth/access_token?grant_type=fb_exchange_token&client_id&client_secret&fb_exchange_token`
 *   (plus `set_token_expires_in_60_days=true` for an expiring system-user token);
 * - mint: `POST /{system-user-id}/access_tokens` with the admin token, `business_app`, `scope`,
 *   `appsecret_proof` (and the 60-day flag to keep the token expiring, as the one it replaces).
 */
export async function runStrategy(
  strategy: RefreshStrategy,
  graph: GraphClient,
  profile: ProfileRow,
  secrets: ProfileSecrets,
  options: { keepExpiring: boolean; scopes: string[] },
): Promise<string> {
  const { appId, appSecret, accessToken, adminToken } = secrets
  if (!appId || !appSecret) {
    throw new SwitchboardError({ code: 'not_configured', message: 'Refreshing needs the app ID and app secret', fix: 'Enter both in Settings (App settings › Basic in the Meta app dashboard)' })
  }
  if (strategy === 'mint') {
    if (!adminToken || !profile.systemUserId) {
      throw new SwitchboardError({ code: 'not_configured', message: 'Minting needs the system user ID and its admin token', fix: 'Enter both in Settings, or choose another refresh strategy' })
    }
    const scopes = options.scopes.filter((s) => s.startsWith('whatsapp_') || s === 'business_management')
    const response = await graph.post(`${profile.systemUserId}/access_tokens`, {
      token: adminToken,
      appSecretProof: { appSecret },
      form: {
        business_app: appId,
        scope: (scopes.length ? scopes : MINT_SCOPES).join(','),
        ...(options.keepExpiring ? { set_token_expires_in_60_days: 'true' } : {}),
      },
    })
    return tokenFrom(response.data, 'Minting')
  }
  if (!accessToken) throw new SwitchboardError({ code: 'not_configured', message: 'There is no token to exchange', fix: 'Paste an access token in Settings' })
  const response = await graph.get('oauth/access_token', {
    token: null,
    appSecretProof: false,
    // It issues a token: a retry after a lost answer would issue another.
    retry: false,
    query: {
      grant_type: 'fb_exchange_token',
      client_id: appId,
      client_secret: appSecret,
      fb_exchange_token: accessToken,
      ...(strategy === 'exchange_system_user' ? { set_token_expires_in_60_days: 'true' } : {}),
    },
  })
  return tokenFrom(response.data, 'The token exchange')
}
