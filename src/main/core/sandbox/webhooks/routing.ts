import type { SandboxState } from '../state'
import type { WebhookField } from './payloads'

export type CallbackLevel = 'phone_number' | 'whatsapp_business_account' | 'application'

/**
 * Where a webhook of this field for this number goes. `messages` honours overrides: the number's,
 * else the WABA's. Every field may go to the app's callback, if the app subscribed to that field.
 * `user_preferences` is not among the fields Meta lets overrides redirect, so it only ever goes to
 * the app's callback. Nothing is sent unless the app is subscribed to the WABA.
 */
export function resolveCallback(state: SandboxState, phoneNumberId: string, field: WebhookField): { url: string; level: CallbackLevel } | null {
  if (!state.waba.subscribed) return null
  if (field === 'messages') {
    const phone = state.phoneNumbers.find((candidate) => candidate.id === phoneNumberId)
    if (phone?.overrideCallbackUri) return { url: phone.overrideCallbackUri, level: 'phone_number' }
    if (state.waba.overrideCallbackUri) return { url: state.waba.overrideCallbackUri, level: 'whatsapp_business_account' }
  }
  const app = state.appSubscription
  if (app && app.fields.some((subscribed) => subscribed.name === field)) return { url: app.callbackUrl, level: 'application' }
  return null
}

/** The Graph version of the app's `messages` subscription decides the webhook payload shape, as on Meta. */
export function webhookVersion(state: SandboxState): string {
  return state.appSubscription?.fields.find((field) => field.name === 'messages')?.version ?? DEFAULT_WEBHOOK_VERSION
}

export const DEFAULT_WEBHOOK_VERSION = 'v25.0'

export function majorVersion(version: string): number {
  return Number(/^v(\d+)/.exec(version)?.[1] ?? 0)
}
