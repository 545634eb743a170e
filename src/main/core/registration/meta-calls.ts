import type { AppSecretProofOption, GraphClient } from '../graph'

/**
 * The Graph calls that tell Meta where to deliver webhooks, and read where they go now.
 * Precedence on Meta's side: the phone number's override, then the WABA's, then the app's callback.
 * Every registration makes Meta send its verification GET to the URL first.
 */

export const WABA_OBJECT = 'whatsapp_business_account'

interface UserAuth {
  token: string
  proof: AppSecretProofOption | false
}

interface AppAuth {
  appId: string
  /** `APP_ID|APP_SECRET`. */
  appToken: string
}

const appTokenOptions = (auth: AppAuth) => ({ token: auth.appToken, tokenIn: 'query' as const, appSecretProof: false as const })

/** `POST /{app-id}/subscriptions` (app token): the app-wide callback. Replaces the production URL. */
export async function setAppCallback(
  graph: GraphClient,
  input: AppAuth & { callbackUrl: string; verifyToken: string; fields: string[] },
): Promise<unknown> {
  const response = await graph.post(`${input.appId}/subscriptions`, {
    ...appTokenOptions(input),
    form: { object: WABA_OBJECT, callback_url: input.callbackUrl, verify_token: input.verifyToken, fields: input.fields.join(',') },
  })
  return response.data
}

/** `DELETE /{app-id}/subscriptions?object=whatsapp_business_account`: removes the app's subscription (and callback). */
export async function deleteAppSubscription(graph: GraphClient, input: AppAuth): Promise<unknown> {
  const response = await graph.delete(`${input.appId}/subscriptions`, { ...appTokenOptions(input), query: { object: WABA_OBJECT } })
  return response.data
}

/** `GET /{app-id}/subscriptions` (app token). */
export async function getAppSubscriptions(graph: GraphClient, input: AppAuth): Promise<unknown> {
  const response = await graph.get(`${input.appId}/subscriptions`, appTokenOptions(input))
  return response.data
}

/**
 * `POST /{waba-id}/subscribed_apps`: subscribes the token's app to the WABA (no webhooks at all
 * without it). Posting without an override also removes the WABA's override.
 */
export async function subscribeAppToWaba(graph: GraphClient, input: UserAuth & { wabaId: string }): Promise<unknown> {
  const response = await graph.post(`${input.wabaId}/subscribed_apps`, { token: input.token, appSecretProof: input.proof })
  return response.data
}

/** `POST /{waba-id}/subscribed_apps` with `override_callback_uri`: the WABA's override (the app must already be subscribed). */
export async function setWabaOverride(graph: GraphClient, input: UserAuth & { wabaId: string; callbackUrl: string; verifyToken: string }): Promise<unknown> {
  const response = await graph.post(`${input.wabaId}/subscribed_apps`, {
    token: input.token,
    appSecretProof: input.proof,
    json: { override_callback_uri: input.callbackUrl, verify_token: input.verifyToken },
  })
  return response.data
}

/** `GET /{waba-id}/subscribed_apps`. */
export async function getSubscribedApps(graph: GraphClient, input: UserAuth & { wabaId: string }): Promise<unknown> {
  const response = await graph.get(`${input.wabaId}/subscribed_apps`, { token: input.token, appSecretProof: input.proof })
  return response.data
}

/** `POST /{phone-number-id}` with `webhook_configuration`: the number's override; an empty URL removes it. */
export async function setPhoneNumberOverride(
  graph: GraphClient,
  input: UserAuth & { phoneNumberId: string; callbackUrl: string; verifyToken: string | null },
): Promise<unknown> {
  const configuration = input.callbackUrl === '' ? { override_callback_uri: '' } : { override_callback_uri: input.callbackUrl, verify_token: input.verifyToken ?? '' }
  const response = await graph.post(input.phoneNumberId, { token: input.token, appSecretProof: input.proof, json: { webhook_configuration: configuration } })
  return response.data
}

/** `GET /{phone-number-id}?fields=webhook_configuration`: the callback at each level, as Meta resolves it for this number. */
export async function getWebhookConfiguration(graph: GraphClient, input: UserAuth & { phoneNumberId: string }): Promise<unknown> {
  const response = await graph.get(input.phoneNumberId, { token: input.token, appSecretProof: input.proof, query: { fields: 'webhook_configuration' } })
  return response.data
}
