import type { PhoneNumberState } from '../state'

/** One `changes[]` item: the `messages` field of one business number. */
export interface WebhookChange {
  phoneNumberId: string
  value: Record<string, unknown>
}

export interface StatusError {
  code: number
  title: string
  message: string
  error_data: { details: string }
  href: string
}

export interface StatusObject {
  id: string
  status: 'sent' | 'delivered' | 'read' | 'played' | 'failed'
  timestamp: string
  recipient_id: string
  conversation?: { id: string; expiration_timestamp?: string; origin: { type: string } }
  pricing?: { billable: boolean; pricing_model: 'PMP'; category: string; type: string }
  errors?: StatusError[]
}

function metadata(phone: PhoneNumberState) {
  return { display_phone_number: phone.digits, phone_number_id: phone.id }
}

export function statusChange(phone: PhoneNumberState, status: StatusObject): WebhookChange {
  return { phoneNumberId: phone.id, value: { messaging_product: 'whatsapp', metadata: metadata(phone), statuses: [status] } }
}

/** Inbound messages carry the sender's profile in `contacts`; `system` messages carry none. */
export function inboundChange(phone: PhoneNumberState, contact: { name: string; waId: string } | null, message: Record<string, unknown>): WebhookChange {
  return {
    phoneNumberId: phone.id,
    value: {
      messaging_product: 'whatsapp',
      metadata: metadata(phone),
      ...(contact ? { contacts: [{ profile: { name: contact.name }, wa_id: contact.waId }] } : {}),
      messages: [message],
    },
  }
}

/** The POST body: `object` plus entries of changes; `grouping` lists how many changes each entry holds. */
export function webhookPayload(wabaId: string, changes: WebhookChange[], oneEntry: boolean): Record<string, unknown> {
  const toChange = (change: WebhookChange) => ({ value: change.value, field: 'messages' })
  const entry = oneEntry ? [{ id: wabaId, changes: changes.map(toChange) }] : changes.map((change) => ({ id: wabaId, changes: [toChange(change)] }))
  return { object: 'whatsapp_business_account', entry }
}
