import type { SandboxState } from '../state'

export type CallbackLevel = 'phone_number' | 'whatsapp_business_account' | 'application'

/**
 * Where a `messages` webhook for this number goes: the number's override, else the WABA's override,
 * else the app's callback (if the app subscribed to the `messages` field). Nothing is sent unless
 * the app is subscribed to the WABA.
 */
export function resolveCallback(state: SandboxState, phoneNumberId: string): { url: string; level: CallbackLevel } | null {
  if (!state.waba.subscribed) return null
  const phone = state.phoneNumbers.find((candidate) => candidate.id === phoneNumberId)
  if (phone?.overrideCallbackUri) return { url: phone.overrideCallbackUri, level: 'phone_number' }
  if (state.waba.overrideCallbackUri) return { url: state.waba.overrideCallbackUri, level: 'whatsapp_business_account' }
  const app = state.appSubscription
  if (app && app.fields.some((field) => field.name === 'messages')) return { url: app.callbackUrl, level: 'application' }
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
