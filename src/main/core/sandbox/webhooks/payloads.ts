import type { CustomerState, PhoneNumberState } from '../state'

/** The webhook fields the sandbox sends. */
export type WebhookField = 'messages' | 'user_preferences'

/** One `changes[]` item: a field's value for one business number. */
export interface WebhookChange {
  phoneNumberId: string
  field: WebhookField
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
  /** The phone number; omitted when the message went to a BSUID and the phone may not be shared. */
  recipient_id?: string
  /** The BSUID; omitted on `failed` statuses of messages sent to a phone number. */
  recipient_user_id?: string
  conversation?: { id: string; expiration_timestamp?: string; origin: { type: string } }
  pricing?: { billable: boolean; pricing_model: 'PMP'; category: string; type: string }
  errors?: StatusError[]
}

/** A `contacts[]` item: profile, phone (only where the business may see it) and BSUID. */
export interface ContactObject {
  profile: { name: string; username?: string }
  wa_id?: string
  user_id: string
}

export type MarketingPreference = 'stop' | 'resume'

/**
 * The customer as webhooks describe them. The phone goes out only while the business has it on
 * record; the username is left out where Meta leaves it out (`sent` statuses).
 */
export function customerContact(customer: CustomerState, options: { username: boolean }): ContactObject {
  return {
    profile: { name: customer.name, ...(options.username && customer.username ? { username: customer.username } : {}) },
    ...(customer.phoneOnRecord ? { wa_id: customer.waId } : {}),
    user_id: customer.userId,
  }
}

function metadata(phone: PhoneNumberState) {
  return { display_phone_number: phone.digits, phone_number_id: phone.id }
}

/** A status, with the recipient's contact on every status but `failed`. */
export function statusChange(phone: PhoneNumberState, status: StatusObject, contact: ContactObject | null): WebhookChange {
  return {
    phoneNumberId: phone.id,
    field: 'messages',
    value: { messaging_product: 'whatsapp', metadata: metadata(phone), ...(contact ? { contacts: [contact] } : {}), statuses: [status] },
  }
}

/** Inbound messages carry the sender's profile in `contacts`; `system` messages carry none. */
export function inboundChange(phone: PhoneNumberState, contact: ContactObject | null, message: Record<string, unknown>): WebhookChange {
  return {
    phoneNumberId: phone.id,
    field: 'messages',
    value: {
      messaging_product: 'whatsapp',
      metadata: metadata(phone),
      ...(contact ? { contacts: [contact] } : {}),
      messages: [message],
    },
  }
}

const PREFERENCE_DETAIL: Record<MarketingPreference, string> = {
  stop: 'User requested to stop marketing messages',
  resume: 'User requested to resume marketing messages',
}

/** The `user_preferences` field: a customer stopped or resumed marketing messages. */
export function userPreferencesChange(phone: PhoneNumberState, customer: CustomerState, value: MarketingPreference, timestampSeconds: number): WebhookChange {
  const contact = customerContact(customer, { username: true })
  return {
    phoneNumberId: phone.id,
    field: 'user_preferences',
    value: {
      messaging_product: 'whatsapp',
      metadata: metadata(phone),
      contacts: [contact],
      user_preferences: [
        {
          ...(contact.wa_id ? { wa_id: contact.wa_id } : {}),
          user_id: contact.user_id,
          detail: PREFERENCE_DETAIL[value],
          category: 'marketing_messages',
          value,
          timestamp: timestampSeconds,
        },
      ],
    },
  }
}

/** The POST body: `object` plus entries of changes, one entry per change or all in one. */
export function webhookPayload(wabaId: string, changes: WebhookChange[], oneEntry: boolean): Record<string, unknown> {
  const toChange = (change: WebhookChange) => ({ value: change.value, field: change.field })
  const entry = oneEntry ? [{ id: wabaId, changes: changes.map(toChange) }] : changes.map((change) => ({ id: wabaId, changes: [toChange(change)] }))
  return { object: 'whatsapp_business_account', entry }
}
