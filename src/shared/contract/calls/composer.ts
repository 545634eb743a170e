import { z } from 'zod'
import { call } from '../define'
import { graphExchange } from '../envelope'
import { contactKey, messageView } from './inbox'


const text = (max: number) => z.string().max(max)
/** A phone number in international format, a BSUID, or a conversation's key. */
const recipientInput = z.string().max(160)
const mediaLink = z.string().url('A public https URL of the file').max(2048)
/** A positional value, or a named one for templates whose parameter_format is NAMED. */
const templateParameter = z.union([text(1024), z.strictObject({ name: z.string().regex(/^[a-z0-9_]{1,60}$/), text: text(1024) })])
export type TemplateParameter = z.infer<typeof templateParameter>

/** What the operator composes; the core turns it into Meta's request body. */
export const outgoingMessage = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), body: text(4096).min(1, 'Write something'), previewUrl: z.boolean().optional() }),
  z.strictObject({
    kind: z.literal('template'),
    name: z.string().min(1).max(512),
    language: z.string().min(2).max(15),
    /** Values for the placeholders, by component: header/body in order (named templates: with their names), buttons by index. */
    header: z.array(templateParameter).max(10).optional(),
    headerMedia: z.strictObject({ type: z.enum(['image', 'video', 'document']), link: mediaLink }).optional(),
    body: z.array(templateParameter).max(100).optional(),
    buttons: z.array(z.strictObject({ index: z.number().int().min(0).max(9), subType: z.enum(['url', 'quick_reply', 'copy_code']), value: text(2000) })).max(10).optional(),
  }),
  z.strictObject({ kind: z.literal('image'), link: mediaLink, caption: text(1024).optional() }),
  z.strictObject({ kind: z.literal('video'), link: mediaLink, caption: text(1024).optional() }),
  z.strictObject({ kind: z.literal('audio'), link: mediaLink }),
  z.strictObject({ kind: z.literal('document'), link: mediaLink, caption: text(1024).optional(), filename: text(240).optional() }),
  z.strictObject({
    kind: z.literal('location'),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    name: text(1000).optional(),
    address: text(1000).optional(),
  }),
  z.strictObject({ kind: z.literal('reaction'), messageId: z.string().min(1).max(200), emoji: z.string().max(16) }),
])
export type OutgoingMessage = z.infer<typeof outgoingMessage>
export type OutgoingKind = OutgoingMessage['kind']
/** Every kind the composer can send, in the contract's order: the UI lists these. */
export const outgoingKinds = outgoingMessage.options.map((option) => option.shape.kind.value) as readonly OutgoingKind[]

/** One part of a template as the composer needs it: a header, body, footer or its buttons. */
export const templateComponent = z.object({
  type: z.enum(['HEADER', 'BODY', 'FOOTER', 'BUTTONS', 'OTHER']),
  /** A header's format: TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION … */
  format: z.string().nullable(),
  text: z.string().nullable(),
  /** The template's own example values: by position (`{{1}}` first), and by name for NAMED templates. */
  examples: z.object({ positional: z.array(z.string()), named: z.array(z.object({ name: z.string(), example: z.string() })) }),
  /** BUTTONS: each button's type (URL, QUICK_REPLY, COPY_CODE, OTP, PHONE_NUMBER …), text and URL. */
  buttons: z.array(z.object({ type: z.string(), text: z.string(), url: z.string().nullable() })),
})
export type TemplateComponent = z.infer<typeof templateComponent>

export const templateView = z.object({
  id: z.string().nullable(),
  name: z.string(),
  language: z.string(),
  status: z.string(),
  category: z.string().nullable(),
  parameterFormat: z.enum(['POSITIONAL', 'NAMED']),
  components: z.array(templateComponent),
})
export type TemplateView = z.infer<typeof templateView>

/** What the composer warns about before (and after) a send: each a closed code and the words. */
export const composerWarningCodes = ['never_wrote', 'window_closed', 'burst', 'marketing_stopped'] as const
export const composerWarning = z.object({ code: z.enum(composerWarningCodes), message: z.string() })
export type ComposerWarning = z.infer<typeof composerWarning>

export const windowView = z.object({
  /** Free-form messages are allowed until this moment (24 hours after the customer's last message). */
  open: z.boolean(),
  until: z.number().int().nullable(),
  lastInboundAt: z.number().int().nullable(),
})

export const composerCalls = {
  'composer.check': call({
    summary: 'Validate a recipient (phone number or BSUID) and tell whether free-form messages are allowed now, with warnings before a burst',
    input: z.strictObject({ to: recipientInput }),
    result: z.object({
      recipient: z
        .object({
          /** How the message will be addressed: `to` a phone number, or `recipient` = a BSUID. */
          kind: z.enum(['phone', 'bsuid']),
          e164: z.string().nullable(),
          waId: z.string().nullable(),
          userId: z.string().nullable(),
          country: z.string().nullable(),
          /** The conversation this recipient belongs to, when there is one. */
          contact: z.string().nullable(),
          name: z.string().nullable(),
          username: z.string().nullable(),
          /** When the customer asked to stop marketing messages (null: they did not). */
          marketingStoppedAt: z.number().int().nullable(),
        })
        .nullable(),
      problem: z.string().nullable(),
      window: windowView,
      sentLastMinute: z.number().int(),
      warnings: z.array(composerWarning),
    }),
  }),
  'composer.templates': call({
    summary: 'The WABA\'s message templates (GET /{waba-id}/message_templates)',
    input: z.strictObject({ status: z.enum(['APPROVED', 'ALL']).optional() }).optional(),
    result: z.object({ templates: z.array(templateView) }),
  }),
  'composer.send': call({
    summary: 'Send a message (through the token service: one refresh and retry on 190); never retried blindly',
    input: z.strictObject({ to: recipientInput, message: outgoingMessage, replyTo: z.string().max(200).optional() }),
    result: z.object({ message: messageView, messageStatus: z.string().nullable(), exchange: graphExchange.nullable(), warnings: z.array(composerWarning) }),
  }),
  'composer.markRead': call({
    summary: 'Mark an inbound message as read (blue ticks for the customer)',
    input: z.strictObject({ messageId: z.string().min(1).max(200) }),
    result: z.object({ success: z.boolean(), exchange: graphExchange.nullable() }),
  }),
  'composer.draft': call({
    summary: 'The saved draft of a conversation',
    input: z.strictObject({ contact: contactKey }),
    result: z.object({ text: z.string() }),
  }),
  'composer.saveDraft': call({
    summary: 'Keep a conversation\'s draft (empty text removes it)',
    input: z.strictObject({ contact: contactKey, text: z.string().max(4096) }),
    result: z.object({ text: z.string() }),
  }),
}
