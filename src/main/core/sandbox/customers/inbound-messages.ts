import type { SeededRandom } from '../seeded-random'
import type { CustomerState, MessageRecord } from '../state'
import { identityChangeSystem, type IdentityChange } from './identity-change'
import type { InboundKind } from './inbound-kinds'

const TEXTS = [
  'Hi! Is my order on its way?',
  'Can I change the delivery address?',
  'Thanks, that was quick 🙏',
  'Do you open on Sundays?',
  'I would like to book for two people tomorrow.',
  'The package arrived damaged, what can I do?',
  'Olá! Vocês entregam no sábado?',
  '¿Tienen esta talla en azul?',
]
const REPLIES = ['Yes, that works for me', 'Perfect, thank you!', 'Could you send the details again?', 'Ok 👍', 'Not right now, maybe later']
const EMOJI = ['👍', '❤️', '😂', '😮', '🙏', '🎉']

export interface InboundContext {
  rng: SeededRandom
  id: string
  sender: SenderFields
  timestamp: string
  /** The business number's digits (`context.from` of replies to its messages). */
  businessDigits: string
  /** The operator's latest message to this customer, if any. */
  lastOutbound?: MessageRecord
  /** What a `system` message reports. */
  identityChange?: IdentityChange
  /** The file an image, audio, voice, video, document or sticker message carries. */
  media?: InboundMedia
}

/** The media a customer's message carries, as the webhook names it: `sha256` is base64 there (hex in `GET /{media-id}`). */
export interface InboundMedia {
  id: string
  mimeType: string
  /** Base64 of the SHA-256. */
  sha256: string
  filename?: string
  animated?: boolean
}

export interface SenderFields {
  from?: string
  from_user_id: string
}

/** `from` (the phone, only while the business has it on record) and `from_user_id` (the BSUID, always). */
export function senderFields(customer: CustomerState): SenderFields {
  return { ...(customer.phoneOnRecord ? { from: customer.waId } : {}), from_user_id: customer.userId }
}

function mediaFields(context: InboundContext): { mime_type: string; sha256: string; id: string } {
  const media = context.media
  if (!media) throw new Error('A media message needs the media it carries')
  return { mime_type: media.mimeType, sha256: media.sha256, id: media.id }
}

/** A message object shaped as in Meta's `messages` webhook reference for each type. */
export function inboundMessage(kind: InboundKind, context: InboundContext): Record<string, unknown> {
  const { rng, lastOutbound } = context
  const base = { ...context.sender, id: context.id, timestamp: context.timestamp }
  const replyTo = lastOutbound ? { context: { from: context.businessDigits, id: lastOutbound.id } } : {}
  const options = lastOutbound?.options?.length ? lastOutbound.options : [{ id: 'option-1', title: 'Yes' }, { id: 'option-2', title: 'No' }]
  const chosen = rng.pick(options)
  switch (kind) {
    case 'text':
      return lastOutbound && rng.chance(0.5)
        ? { ...base, ...replyTo, type: 'text', text: { body: rng.pick(REPLIES) } }
        : { ...base, type: 'text', text: { body: rng.pick(TEXTS) } }
    case 'image':
      return { ...base, type: 'image', image: { caption: 'Here is a photo', ...mediaFields(context) } }
    case 'audio':
      return { ...base, type: 'audio', audio: { ...mediaFields(context), voice: false } }
    case 'voice':
      return { ...base, type: 'audio', audio: { ...mediaFields(context), voice: true } }
    case 'video':
      return { ...base, type: 'video', video: { caption: 'Short clip', ...mediaFields(context) } }
    case 'document':
      return { ...base, type: 'document', document: { caption: 'Invoice', filename: context.media?.filename ?? 'invoice.pdf', ...mediaFields(context) } }
    case 'sticker':
      return { ...base, type: 'sticker', sticker: { ...mediaFields(context), animated: context.media?.animated ?? false } }
    case 'location':
      return { ...base, type: 'location', location: { latitude: 38.7223 + rng.int(-500, 500) / 10_000, longitude: -9.1393 + rng.int(-500, 500) / 10_000, name: 'Praça do Comércio', address: 'Praça do Comércio, 1100-148 Lisboa' } }
    case 'contacts': {
      const waId = `1555${rng.digits(7)}`
      return {
        ...base,
        type: 'contacts',
        contacts: [{ name: { formatted_name: 'Sam Lee', first_name: 'Sam', last_name: 'Lee' }, phones: [{ phone: `+${waId}`, wa_id: waId, type: 'CELL' }] }],
      }
    }
    case 'button_reply':
      return { ...base, ...replyTo, type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: chosen.id, title: chosen.title } } }
    case 'list_reply':
      return {
        ...base,
        ...replyTo,
        type: 'interactive',
        interactive: { type: 'list_reply', list_reply: { id: chosen.id, title: chosen.title, description: chosen.description ?? chosen.title } },
      }
    case 'button':
      return { ...base, ...replyTo, type: 'button', button: { payload: chosen.id, text: chosen.title } }
    case 'reaction':
      return { ...base, type: 'reaction', reaction: { message_id: lastOutbound?.id ?? context.id, emoji: rng.pick(EMOJI) } }
    case 'order':
      return {
        ...base,
        type: 'order',
        order: {
          catalog_id: rng.digits(15),
          text: 'Please deliver after 6pm',
          product_items: [
            { product_retailer_id: 'SKU-TSHIRT-M', quantity: rng.int(1, 3), item_price: 19.9, currency: 'EUR' },
            { product_retailer_id: 'SKU-MUG', quantity: 1, item_price: 9.5, currency: 'EUR' },
          ],
        },
      }
    case 'system':
      if (!context.identityChange) throw new Error('A system message needs the identity change it reports')
      return { ...base, type: 'system', system: identityChangeSystem(context.identityChange) }
    case 'unsupported':
      return {
        ...base,
        type: 'unsupported',
        errors: [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' } }],
      }
  }
}
