/**
 * Meta's answers to the webhook reads, read leniently: a missing or oddly shaped member becomes
 * null or empty rather than an exception, so a partial answer still shows what it can.
 */

type Json = Record<string, unknown>

const obj = (value: unknown): Json | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined)
const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

export interface WebhookDestinations {
  phoneNumber: string | null
  waba: string | null
  app: string | null
}

/** `{webhook_configuration: {phone_number?, whatsapp_business_account?, application?}, id}`. */
export function readWebhookConfiguration(answer: unknown): WebhookDestinations {
  const configuration = obj(obj(answer)?.webhook_configuration) ?? {}
  return {
    phoneNumber: str(configuration.phone_number),
    waba: str(configuration.whatsapp_business_account),
    app: str(configuration.application),
  }
}

export interface SubscribedApp {
  id: string | null
  name: string | null
  overrideCallbackUri: string | null
}

/** `{data: [{whatsapp_business_api_data: {id, name, link}, override_callback_uri?}]}`. */
export function readSubscribedApps(answer: unknown): SubscribedApp[] {
  return list(obj(answer)?.data).map((item) => {
    const app = obj(obj(item)?.whatsapp_business_api_data)
    return { id: str(app?.id), name: str(app?.name), overrideCallbackUri: str(obj(item)?.override_callback_uri) }
  })
}

export interface AppSubscription {
  callbackUrl: string | null
  active: boolean
  fields: { name: string; version: string | null }[]
}

/** `{data: [{object, callback_url, active, fields: [{name, version}]}]}`: the `whatsapp_business_account` entry, if any. */
export function readAppSubscription(answer: unknown, object: string): AppSubscription | null {
  const entry = list(obj(answer)?.data)
    .map(obj)
    .find((item) => item?.object === object)
  if (!entry) return null
  const fields = list(entry.fields).flatMap((field) => {
    // Meta answers objects; older answers (and some tools) list bare names.
    if (typeof field === 'string') return [{ name: field, version: null }]
    const name = str(obj(field)?.name)
    return name ? [{ name, version: str(obj(field)?.version) }] : []
  })
  return { callbackUrl: str(entry.callback_url), active: entry.active !== false, fields }
}
