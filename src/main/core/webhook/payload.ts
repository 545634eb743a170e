import { createHash } from 'node:crypto'
import type { OtherEvent, ParsedDelivery } from '../store'
import { messageText } from './message-text'
import { statusRank } from './status-rank'

/**
 * Parses one webhook body into what the store keeps. Lenient by design: whatever Meta adds or
 * changes is kept raw as an event rather than dropped, and nothing here throws on odd shapes.
 */

type Json = Record<string, unknown>

const obj = (value: unknown): Json | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined)
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined)

/** Meta's timestamps are Unix seconds as strings; stored as milliseconds. */
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

export function parseDelivery(body: unknown, receivedAt: number): ParsedDelivery {
  const parsed = parseItems(body, receivedAt)
  const items = parsed.messages.length + parsed.statuses.length + parsed.contacts.length + parsed.events.length
  if (items <= MAX_ITEMS_PER_DELIVERY) return parsed
  return { messages: [], statuses: [], contacts: [], events: [unknownEvent('unknown', body, `${items} items in one delivery (over ${MAX_ITEMS_PER_DELIVERY}): kept as received`)] }
}

function parseItems(body: unknown, receivedAt: number): ParsedDelivery {
  const out: ParsedDelivery = { messages: [], statuses: [], contacts: [], events: [] }
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
      else out.events.push(otherEvent(field, obj(change)?.value ?? change))
    }
  }
  return out
}

function parseMessagesValue(value: Json, receivedAt: number, out: ParsedDelivery): void {
  const phoneNumberId = str(obj(value.metadata)?.phone_number_id) ?? null
  for (const contact of arr(value.contacts)) {
    const waId = str(obj(contact)?.wa_id)
    if (waId) out.contacts.push({ waId, name: str(obj(obj(contact)?.profile)?.name) ?? null })
  }
  for (const item of arr(value.messages)) {
    const message = obj(item)
    const wamid = str(message?.id)
    const from = str(message?.from)
    if (!message || !wamid || !from) {
      out.events.push(unknownEvent('messages', item, 'A message without id or sender: kept as received'))
      continue
    }
    out.messages.push({
      wamid,
      from,
      phoneNumberId,
      type: str(message.type) ?? 'unknown',
      text: messageText(message),
      timestamp: millis(message.timestamp, receivedAt),
      contextWamid: str(obj(message.context)?.id) ?? null,
      errors: Array.isArray(message.errors) ? message.errors : null,
      raw: message,
    })
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
      recipient: str(status.recipient_id) ?? null,
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

/** Non-message fields: template, account and quality updates and anything newer, summarised where we can. */
function otherEvent(field: string, value: unknown): OtherEvent {
  const v = obj(value) ?? {}
  const parts: (string | undefined)[] = []
  switch (field) {
    case 'message_template_status_update':
      parts.push(str(v.message_template_name), str(v.message_template_language), str(v.event), str(v.reason))
      break
    case 'phone_number_quality_update':
      parts.push(str(v.display_phone_number), str(v.event), str(v.current_limit))
      break
    case 'account_update':
      parts.push(str(v.event), str(v.phone_number))
      break
    default:
      parts.push(str(v.event))
  }
  const summary = parts.filter(Boolean).join(' · ') || null
  return { field, summary, dedupeKey: dedupeKey(field, value), raw: value }
}
