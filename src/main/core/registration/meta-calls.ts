import type { GraphClient } from '../graph'

/**
 * The Graph calls that tell Meta where to deliver webhooks. Precedence on Meta's side: the phone
 * number's override, then the WABA's, then the app's callback.
 */

/** `POST /{app-id}/subscriptions` (app token): the app-wide callback. Replaces the production URL. */
export async function setAppCallback(
  graph: GraphClient,
  input: { appId: string; appToken: string; callbackUrl: string; verifyToken: string; fields: string[] },
): Promise<unknown> {
  const response = await graph.post(`${input.appId}/subscriptions`, {
    token: input.appToken,
    tokenIn: 'query',
    appSecretProof: false,
    form: { object: 'whatsapp_business_account', callback_url: input.callbackUrl, verify_token: input.verifyToken, fields: input.fields.join(',') },
  })
  return response.data
}

/** `POST /{waba-id}/subscribed_apps`: subscribes the token's app to the WABA (no webhooks at all without it). */
export async function subscribeAppToWaba(graph: GraphClient, input: { wabaId: string; token: string; proof: { appSecret: string } | false }): Promise<unknown> {
  const response = await graph.post(`${input.wabaId}/subscribed_apps`, { token: input.token, appSecretProof: input.proof })
  return response.data
}
