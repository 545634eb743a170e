import { invalidParameter, missingParameter, oauthError, quoted, whatsappError, type GraphError } from '../graph-error'
import { checkInteractive, interactiveOptions, type ReplyOption } from './interactive-check'
import { readRecipient, type Recipient } from './recipient'
import type { TemplateTranslation } from './template-catalogue'
import { checkTemplateRecipient, checkTemplateSend, quickReplies } from './template-check'

export const OUTBOUND_TYPES = ['audio', 'contacts', 'document', 'image', 'interactive', 'location', 'reaction', 'sticker', 'template', 'text', 'video'] as const
export type OutboundType = (typeof OUTBOUND_TYPES)[number]

export type { ReplyOption }

export interface OutboundRequest {
  recipient: Recipient
  type: OutboundType
  content: Record<string, unknown>
  contextId?: string
  template?: TemplateTranslation
  /** An OGG/Opus audio message is a voice message: it gets a `played` status. */
  voice: boolean
  /** The media a media message names by `id` (the sandbox checks it holds it). */
  mediaId?: string
  options: ReplyOption[]
  interactiveType?: string
}

export type ReadReceipt = { messageId: string }

type Body = Record<string, unknown>

function isObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Form-encoded Graph calls carry objects as JSON strings; accept both. */
export function objectParameter(body: Body, name: string): Body | undefined {
  const value = body[name]
  if (typeof value === 'string' && value.trim().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(value)
      if (isObject(parsed)) return parsed
    } catch {
      throw invalidParameter(`Param ${name} must be a JSON object`)
    }
  }
  return isObject(value) ? value : undefined
}

function arrayParameter(body: Body, name: string): unknown[] | undefined {
  const value = body[name]
  if (typeof value === 'string' && value.trim().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value)
      if (Array.isArray(parsed)) return parsed as unknown[]
    } catch {
      throw invalidParameter(`Param ${name} must be a JSON array`)
    }
  }
  return Array.isArray(value) ? (value as unknown[]) : undefined
}

/**
 * Validates a `POST /{phone-number-id}/messages` body synchronously, as Meta does: code 100 for a
 * malformed body or recipient, 132xxx for template problems, 131062 for a template a BSUID cannot
 * receive. Returns a read receipt for mark-as-read bodies.
 */
export function validateSendBody(body: Body): OutboundRequest | ReadReceipt {
  const product = body.messaging_product
  if (product === undefined) throw missingParameter('messaging_product')
  if (product !== 'whatsapp') throw oauthError(400, 100, `(#100) Param messaging_product must be one of {WHATSAPP} - got "${quoted(product)}".`)

  if (body.status !== undefined) return validateReadReceipt(body)

  if (body.recipient_type !== undefined && body.recipient_type !== 'individual') {
    throw oauthError(400, 100, `(#100) Param recipient_type must be one of {INDIVIDUAL} - got "${quoted(body.recipient_type)}".`)
  }
  const recipient = readRecipient(body)

  const type = body.type === undefined ? 'text' : body.type
  if (typeof type !== 'string' || !(OUTBOUND_TYPES as readonly string[]).includes(type)) {
    throw oauthError(400, 100, `(#100) Param type must be one of {${OUTBOUND_TYPES.map((t) => t.toUpperCase()).join(', ')}} - got "${quoted(type)}".`)
  }
  const outboundType = type as OutboundType
  const contacts = outboundType === 'contacts' ? arrayParameter(body, 'contacts') : undefined
  const content = objectParameter(body, outboundType) ?? (contacts ? { contacts } : undefined)
  if (!content) throw missingParameter(outboundType)

  const context = objectParameter(body, 'context')
  const contextId = context && typeof context.message_id === 'string' ? context.message_id : undefined
  const request: OutboundRequest = { recipient, type: outboundType, content, voice: false, options: [], ...(contextId ? { contextId } : {}) }

  switch (outboundType) {
    case 'text':
      checkText(content)
      break
    case 'audio':
    case 'document':
    case 'image':
    case 'sticker':
    case 'video':
      checkMedia(outboundType, content)
      request.voice = outboundType === 'audio' && isVoice(content)
      if (typeof content.id === 'string') request.mediaId = content.id
      break
    case 'location':
      checkLocation(content)
      break
    case 'contacts':
      checkContacts(contacts)
      break
    case 'reaction':
      checkReaction(content)
      break
    case 'interactive':
      request.interactiveType = checkInteractive(content)
      request.options = interactiveOptions(content)
      break
    case 'template':
      request.template = checkTemplateSend(content)
      checkTemplateRecipient(request.template, recipient)
      request.options = quickReplies(request.template)
      break
  }
  return request
}

function validateReadReceipt(body: Body): ReadReceipt {
  if (body.status !== 'read') throw oauthError(400, 100, `(#100) Param status must be one of {READ} - got "${String(body.status)}".`)
  const id = body.message_id
  if (typeof id !== 'string' || id === '') throw missingParameter('message_id')
  const typing = objectParameter(body, 'typing_indicator')
  if (typing && typing.type !== 'text') throw oauthError(400, 100, `(#100) Param typing_indicator['type'] must be one of {TEXT} - got "${String(typing.type)}".`)
  return { messageId: id }
}

function checkText(text: Body): void {
  if (typeof text.body !== 'string' || text.body === '') throw missingParameter("text['body']")
  if (text.body.length > 4096) throw invalidParameter("Param text['body'] must be at most 4096 characters long.")
}

function checkMedia(type: string, media: Body): void {
  const hasId = typeof media.id === 'string' && media.id !== ''
  const hasLink = typeof media.link === 'string' && media.link !== ''
  if (!hasId && !hasLink) throw missingParameter(`${type}['link'] or ${type}['id']`)
  if (hasId && hasLink) throw invalidParameter(`Param ${type} must have exactly one of link or id`)
  if (hasLink) {
    let url: URL | undefined
    try {
      url = new URL(media.link as string)
    } catch {
      url = undefined
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw invalidParameter(`Param ${type}['link'] must be a valid URL`)
  }
}

function isVoice(audio: Body): boolean {
  if (audio.voice === true) return true
  return typeof audio.link === 'string' && /\.(ogg|opus)(\?|$)/i.test(audio.link)
}

function coordinate(value: unknown, name: string, limit: number): void {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN
  if (value === undefined) throw missingParameter(`location['${name}']`)
  if (!Number.isFinite(number) || Math.abs(number) > limit) throw invalidParameter(`Param location['${name}'] must be a number between -${limit} and ${limit}`)
}

function checkLocation(location: Body): void {
  coordinate(location.latitude, 'latitude', 90)
  coordinate(location.longitude, 'longitude', 180)
}

function checkContacts(contacts: unknown): void {
  if (!Array.isArray(contacts) || contacts.length === 0) throw missingParameter('contacts')
  contacts.forEach((contact: unknown, index) => {
    const name = isObject(contact) && isObject(contact.name) ? contact.name : undefined
    if (!name || typeof name.formatted_name !== 'string' || name.formatted_name === '') throw missingParameter(`contacts[${index}]['name']['formatted_name']`)
  })
}

function checkReaction(reaction: Body): void {
  if (typeof reaction.message_id !== 'string' || reaction.message_id === '') throw missingParameter("reaction['message_id']")
  if (reaction.emoji === undefined) throw missingParameter("reaction['emoji']")
  if (typeof reaction.emoji !== 'string') throw invalidParameter("Param reaction['emoji'] must be a string")
}

export function isReadReceipt(value: OutboundRequest | ReadReceipt): value is ReadReceipt {
  return 'messageId' in value
}

export function unknownMessage(): GraphError {
  return whatsappError(400, 131009, 'Parameter value is not valid', 'Message ID is not valid')
}
