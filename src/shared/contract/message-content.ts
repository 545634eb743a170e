import { z } from 'zod'

/**
 * What a message says, typed: the core reads Meta's JSON (a webhook's message object, or the body
 * the composer sent) once and hands the UI one of these, so nothing past the contract parses
 * Meta's shapes. `unknown` keeps whatever a newer API sends, raw.
 */

/** Every `type` a stored message can have; anything else Meta invents reads as `unknown`. */
export const messageTypes = [
  'text',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'location',
  'contacts',
  'interactive',
  'button',
  'reaction',
  'order',
  'system',
  'unsupported',
  'template',
  'request_welcome',
  'edit',
  'revoke',
  /** Known only from its statuses: sent by another client (the user's bot). */
  'external',
  'unknown',
] as const
export type MessageType = (typeof messageTypes)[number]

/** Statuses as Meta reports them, plus the composer's `accepted` (Meta took it; no webhook yet). */
export const messageStatuses = ['accepted', 'held_for_quality_assessment', 'paused', 'sent', 'delivered', 'read', 'played', 'failed', 'deleted', 'warning', 'unknown'] as const
export type MessageStatus = (typeof messageStatuses)[number]

export const mediaKinds = ['image', 'video', 'audio', 'document', 'sticker'] as const
export type MediaKind = (typeof mediaKinds)[number]

/** One of Meta's error objects (`code`, `title`, `message`, `error_data.details`), readable. */
export const messageError = z.object({ code: z.number().int().nullable(), title: z.string(), details: z.string().nullable() })
export type MessageError = z.infer<typeof messageError>

const text = z.string().nullable()

export const messageContent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), body: z.string(), previewUrl: z.boolean() }),
  z.object({
    kind: z.literal('media'),
    media: z.enum(mediaKinds),
    /** Meta's media id (inbound, or an uploaded file), or the public link a send used. */
    id: text,
    link: text,
    mimeType: text,
    sha256: text,
    caption: text,
    filename: text,
    /** An OGG/Opus voice note (audio). */
    voice: z.boolean(),
    animated: z.boolean(),
  }),
  z.object({ kind: z.literal('location'), latitude: z.number().nullable(), longitude: z.number().nullable(), name: text, address: text, url: text }),
  z.object({
    kind: z.literal('contacts'),
    cards: z.array(
      z.object({
        name: z.string(),
        organisation: text,
        phones: z.array(z.object({ phone: z.string(), waId: text, type: text })),
        emails: z.array(z.string()),
      }),
    ),
  }),
  /** The customer's answer to an interactive message: a button, a list row, or a completed flow. */
  z.object({
    kind: z.literal('reply'),
    to: z.enum(['button', 'list', 'flow']),
    id: text,
    title: text,
    description: text,
    /** A flow's answers, without its token. */
    answers: z.array(z.object({ name: z.string(), value: z.string() })),
  }),
  /** An interactive message the business sent (buttons, list, call to action, flow, product). */
  z.object({ kind: z.literal('interactive'), interactiveType: text, header: text, body: text, footer: text, options: z.array(z.string()) }),
  /** A tap on a template's quick-reply button. */
  z.object({ kind: z.literal('button'), text: z.string(), payload: text }),
  /** `emoji` null: a reaction taken back. */
  z.object({ kind: z.literal('reaction'), messageId: text, emoji: text }),
  z.object({
    kind: z.literal('order'),
    catalogId: text,
    text,
    items: z.array(z.object({ productRetailerId: z.string(), quantity: z.number().nullable(), itemPrice: z.number().nullable(), currency: text })),
  }),
  z.object({ kind: z.literal('system'), body: z.string(), systemType: text, newPhone: text, newUserId: text }),
  z.object({ kind: z.literal('template'), name: z.string(), language: text, values: z.array(z.string()) }),
  /** An edit or deletion of `target` (kept with the message it changes, not shown on its own). */
  z.object({ kind: z.literal('change'), change: z.enum(['edit', 'revoke']), target: text }),
  z.object({ kind: z.literal('unsupported'), errors: z.array(messageError) }),
  z.object({ kind: z.literal('welcome') }),
  z.object({ kind: z.literal('external') }),
  z.object({ kind: z.literal('unknown'), type: z.string(), raw: z.unknown() }),
])
export type MessageContent = z.infer<typeof messageContent>
export type ContentKind = MessageContent['kind']

/** Where a message came from besides its content: forwarding, the product it asks about, the ad it answers. */
export const messageOrigin = z.object({
  forwarded: z.enum(['once', 'many']).nullable(),
  product: z.object({ retailerId: z.string(), catalogId: text }).nullable(),
  referral: z.object({ sourceType: text, headline: text, body: text, sourceUrl: text }).nullable(),
})
export type MessageOrigin = z.infer<typeof messageOrigin>

/** A status webhook's pricing and conversation, readable. */
export const statusPricing = z.object({ category: text, model: text, billable: z.boolean().nullable() })
export const statusConversation = z.object({ id: text, origin: text })
