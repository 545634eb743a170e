import { createHash } from 'node:crypto'
import { readContent, summaryText } from '../message-content'
import type { CustomerIdentity, OtherEvent, ParsedDelivery, ParsedMessage } from '../store'
import { addressOf, identityOf } from './customers'
import { eventSummary } from './event-summary'
import { arr, obj, str, type Json } from './json-shape'
import { statusRank } from './status-rank'

/**
 * Parses one webhook body into what the store keeps. Lenient by design: whatever Meta adds or
 * changes is kept raw as an event rather than dropped, and nothing here throws on odd shapes.
 */

/** Meta's timestamps are Unix seconds (strings in messages, numbers elsewhere); stored as milliseconds. */
function millis(value: unknown, fallback: number): number {
  const seconds = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : NaN
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : fallback
}

function dedupeKey(field: string, value: unknown): string {
  return createHash('sha256').update(field).update('\0').update(JSON.stringify(value) ?? 'null').digest('hex')
}

function unknownEvent(field: string, value: unknown, why: string): OtherEvent {
  return { field, summary: why, dedupeKey: dedupeKey(field, value), raw: value }
}

/** Meta batches up to 1,000 updates; far more than that is kept as one raw event, not thousands of rows. */
export const MAX_ITEMS_PER_DELIVERY = 5000

const emptyDelivery = (): ParsedDelivery => ({ messages: [], statuses: [], contacts: [], identityChanges: [], preferences: [], events: [] })

export function parseDelivery(body: unknown, receivedAt: number): ParsedDelivery {
  const parsed = parseItems(body, receivedAt)
  const items = parsed.messages.length + parsed.statuses.length + parsed.contacts.length + parsed.events.length
  if (items <= MAX_ITEMS_PER_DELIVERY) return parsed
  return { ...emptyDelivery(), events: [unknownEvent('unknown', body, `${items} items in one delivery (over ${MAX_ITEMS_PER_DELIVERY}): kept as received`)] }
}

function parseItems(body: unknown, receivedAt: number): ParsedDelivery {
  const out = emptyDelivery()
  const root = obj(body)
  if (!root || root.object !== 'whatsapp_business_account' || !Array.isArray(root.entry)) {
    out.events.push(unknownEvent('unknown', body, 'Not a whatsapp_business_account delivery: kept as received'))
    return out
  }
  for (const entry of root.entry) {
    const changes = obj(entry)?.changes
    if (!Array.isArray(changes)) {
      out.events.push(unknownEvent('unknown', entry, 'An entry without changes: kept as received'))
      continue
    }
    for (const change of changes) {
      const field = str(obj(change)?.field) ?? 'unknown'
      const value = obj(obj(change)?.value)
      if (field === 'messages' && value) parseMessagesValue(value, receivedAt, out)
      else if (field === 'smb_message_echoes' && value) parseEchoes(value, receivedAt, out)
      else {
        if (value) parseCustomerUpdates(field, value, receivedAt, out)
        out.events.push(otherEvent(field, obj(change)?.value ?? change))
      }
    }
  }
  return out
}

/** `contacts[]` of any change: every customer it names, for names, usernames and phone-BSUID pairs. */
function contactsOf(value: Json, out: ParsedDelivery): CustomerIdentity[] {
  const contacts = arr(value.contacts).flatMap((contact) => {
    const identity = obj(contact) && identityOf(obj(contact) as Json)
    return identity ? [identity] : []
  })
  out.contacts.push(...contacts)
  return contacts
}

function parseMessagesValue(value: Json, receivedAt: number, out: ParsedDelivery): void {
  const phoneNumberId = str(obj(value.metadata)?.phone_number_id) ?? null
  const contacts = contactsOf(value, out)
  for (const item of arr(value.messages)) {
    const message = obj(item)
    const wamid = str(message?.id)
    // A change of BSUID is filed under the customer as they were: the old BSUID is `system.previous_user_id`.
    const previousUserId = message?.type === 'system' ? str(obj(message.system)?.previous_user_id) : undefined
    const userId = previousUserId ?? str(message?.from_user_id)
    const customer = message && addressOf(str(message.from), userId, contacts)
    if (!message || !wamid || !customer) {
      out.events.push(unknownEvent('messages', item, 'A message without id or sender: kept as received'))
      continue
    }
    out.messages.push(parsedMessage(message, wamid, 'in', customer, phoneNumberId, receivedAt))
    const system = message.type === 'system' ? obj(message.system) : undefined
    if (system) identityChange(system, customer, out)
  }
  for (const item of arr(value.statuses)) {
    const status = obj(item)
    const wamid = str(status?.id)
    const name = str(status?.status)
    if (!status || !wamid || !name) {
      out.events.push(unknownEvent('messages', item, 'A status without id or status: kept as received'))
      continue
    }
    out.statuses.push({
      wamid,
      status: name,
      rank: statusRank(name),
      timestamp: millis(status.timestamp, receivedAt),
      recipient: addressOf(str(status.recipient_id), str(status.recipient_user_id), contacts),
      phoneNumberId,
      errors: Array.isArray(status.errors) ? status.errors : null,
      conversation: status.conversation ?? null,
      pricing: status.pricing ?? null,
      raw: status,
    })
  }
  if (Array.isArray(value.errors) && value.errors.length > 0) {
    const first = obj(value.errors[0])
    const code = typeof first?.code === 'number' || typeof first?.code === 'string' ? first.code : '?'
    const summary = `Error ${code}: ${str(first?.title) ?? str(first?.message) ?? 'no description'}`
    out.events.push({ field: 'messages.errors', summary, dedupeKey: dedupeKey('messages.errors', value), raw: value })
  }
  const known = new Set(['messaging_product', 'metadata', 'contacts', 'messages', 'statuses', 'errors'])
  const extra = Object.keys(value).filter((key) => !known.has(key))
  if (extra.length > 0) out.events.push(unknownEvent('messages', value, `Unrecognised fields in a messages change: ${extra.join(', ')}`))
}

/**
 * Messages the business sent from the WhatsApp Business app on a coexistence number: `from` is the
 * business, `to`/`to_user_id` the customer (read the other way round when `to` is the business).
 */
function parseEchoes(value: Json, receivedAt: number, out: ParsedDelivery): void {
  const metadata = obj(value.metadata)
  const phoneNumberId = str(metadata?.phone_number_id) ?? null
  const business = str(metadata?.display_phone_number)
  const contacts = contactsOf(value, out)
  for (const item of arr(value.message_echoes)) {
    const echo = obj(item)
    const wamid = str(echo?.id)
    const to = str(echo?.to)
    const reversed = to !== undefined && to === business && str(echo?.from) !== business
    const customer = echo && (reversed ? addressOf(str(echo.from), str(echo.from_user_id), contacts) : addressOf(to, str(echo.to_user_id), contacts))
    if (!echo || !wamid || !customer) {
      out.events.push(unknownEvent('smb_message_echoes', item, 'An echo without id or recipient: kept as received'))
      continue
    }
    out.messages.push({ ...parsedMessage(echo, wamid, 'out', customer, phoneNumberId, receivedAt), origin: 'business_app' })
  }
}

function parsedMessage(message: Json, wamid: string, direction: 'in' | 'out', customer: ParsedMessage['customer'], phoneNumberId: string | null, receivedAt: number): ParsedMessage {
  const type = str(message.type) ?? 'unknown'
  const edit = type === 'edit' ? obj(message.edit) : undefined
  const target = type === 'edit' ? str(edit?.original_message_id) : type === 'revoke' ? str(obj(message.revoke)?.original_message_id) : undefined
  const content = readContent(type, message)
  return {
    wamid,
    direction,
    customer,
    phoneNumberId,
    type,
    text: edit ? textOf(obj(edit.message) ?? {}) : summaryText(content),
    timestamp: millis(message.timestamp, receivedAt),
    contextWamid: str(obj(message.context)?.id) ?? null,
    target: target ?? null,
    origin: null,
    errors: Array.isArray(message.errors) ? message.errors : null,
    media: content.kind === 'media' && content.id ? { id: content.id, kind: content.media, mimeType: content.mimeType, sha256: content.sha256, filename: content.filename } : null,
    raw: message,
  }
}

const textOf = (message: Json) => summaryText(readContent(str(message.type) ?? 'unknown', message))

/**
 * `user_changed_number` and `user_changed_user_id` system messages: the customer now has another
 * phone number or BSUID (`system.wa_id`, `system.user_id`; the old BSUID in `previous_user_id`).
 */
function identityChange(system: Json, sender: ParsedMessage['customer'], out: ParsedDelivery): void {
  const kind = str(system.type)
  if (kind !== 'user_changed_number' && kind !== 'user_changed_user_id') return
  const next = { phone: kind === 'user_changed_number' ? (str(system.wa_id) ?? null) : null, userId: str(system.user_id) ?? null }
  if (next.phone || next.userId) out.identityChanges.push({ customer: sender, next })
}

/** Fields that change what is known of a customer: marketing preferences and BSUID updates. */
function parseCustomerUpdates(field: string, value: Json, receivedAt: number, out: ParsedDelivery): void {
  if (field === 'user_preferences') {
    const contacts = contactsOf(value, out)
    for (const item of arr(value.user_preferences)) {
      const preference = obj(item)
      const choice = str(preference?.value)
      const customer = preference && addressOf(str(preference.wa_id), str(preference.user_id), contacts)
      if (!customer || (choice !== 'stop' && choice !== 'resume') || (str(preference?.category) ?? 'marketing_messages') !== 'marketing_messages') continue
      out.preferences.push({ customer, value: choice, at: millis(preference?.timestamp, receivedAt) })
    }
  }
  if (field === 'user_id_update') {
    for (const item of arr(value.user_id_update)) {
      const update = obj(item)
      const userId = obj(update?.user_id)
      const previous = str(userId?.previous)
      const current = str(userId?.current)
      if (update && current && (previous || str(update.wa_id))) {
        out.identityChanges.push({ customer: { phone: str(update.wa_id) ?? null, userId: previous ?? null }, next: { phone: null, userId: current } })
      }
    }
  }
}

/** Non-message fields: kept whole, with a one-line summary where the field is known. */
function otherEvent(field: string, value: unknown): OtherEvent {
  return { field, summary: eventSummary(field, obj(value) ?? {}), dedupeKey: dedupeKey(field, value), raw: value }
}
