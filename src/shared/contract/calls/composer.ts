import { z } from 'zod'
import { noInput } from '../../schemas'
import { call } from '../define'
import { graphExchange } from '../envelope'
import { contactKey, messageView } from './inbox'
import { mediaId } from './media'

const text = (max: number) => z.string().max(max)
/** A phone number in international format, a BSUID, or a conversation's key. */
const recipientInput = z.string().max(160)
const mediaLink = z.string().url('A public https URL of the file').max(2048)
/** A positional value, or a named one for templates whose parameter_format is NAMED. */
const templateParameter = z.union([text(1024), z.strictObject({ name: z.string().regex(/^[a-z0-9_]{1,60}$/), text: text(1024) })])
export type TemplateParameter = z.infer<typeof templateParameter>

/** A file a message carries: a public link Meta fetches, or the id of a file uploaded to Meta (`media.upload`). */
const mediaSource = { link: mediaLink.optional(), mediaId: mediaId.optional() }
const optionalText = (max: number) => text(max).optional()
/** Reply buttons, lists and call-to-action messages share a header, body and footer (Meta's limits). */
const interactiveFrame = (bodyMax: number) => ({ header: optionalText(60), body: text(bodyMax).min(1, 'Write the message'), footer: optionalText(60) })

const contactCard = z.strictObject({
  name: z.string().min(1, 'A contact needs a name').max(200),
  phones: z.array(z.strictObject({ phone: z.string().min(1).max(40), waId: z.string().max(40).optional(), type: z.string().max(20).optional() })).max(20),
  emails: z.array(z.string().max(320)).max(20).optional(),
  organisation: optionalText(200),
})
export type ContactCard = z.infer<typeof contactCard>

const outgoingKindsUnion = z.discriminatedUnion('kind', [
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
  z.strictObject({ kind: z.literal('image'), ...mediaSource, caption: text(1024).optional() }),
  z.strictObject({ kind: z.literal('video'), ...mediaSource, caption: text(1024).optional() }),
  /** `voice`: an OGG/Opus recording, shown as a voice message (and transcribed). */
  z.strictObject({ kind: z.literal('audio'), ...mediaSource, voice: z.boolean().optional() }),
  z.strictObject({ kind: z.literal('document'), ...mediaSource, caption: text(1024).optional(), filename: text(240).optional() }),
  z.strictObject({ kind: z.literal('sticker'), ...mediaSource }),
  z.strictObject({
    kind: z.literal('location'),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    name: text(1000).optional(),
    address: text(1000).optional(),
  }),
  z.strictObject({ kind: z.literal('reaction'), messageId: z.string().min(1).max(200), emoji: z.string().max(16) }),
  z.strictObject({ kind: z.literal('contacts'), contacts: z.array(contactCard).min(1, 'Add a contact').max(257) }),
  /** Up to three reply buttons; the customer's tap comes back as an interactive reply. */
  z.strictObject({
    kind: z.literal('buttons'),
    ...interactiveFrame(1024),
    buttons: z
      .array(z.strictObject({ id: z.string().min(1).max(256), title: z.string().min(1, 'A button needs a title').max(20, 'At most 20 characters') }))
      .min(1, 'Add a button')
      .max(3, 'At most 3 buttons'),
  }),
  /** A list the customer opens with `button` and picks one row of: up to 10 sections, 10 rows in all. */
  z.strictObject({
    kind: z.literal('list'),
    ...interactiveFrame(4096),
    button: z.string().min(1, 'Name the list button').max(20, 'At most 20 characters'),
    sections: z
      .array(
        z.strictObject({
          title: optionalText(24),
          rows: z
            .array(z.strictObject({ id: z.string().min(1).max(200), title: z.string().min(1, 'A row needs a title').max(24, 'At most 24 characters'), description: optionalText(72) }))
            .min(1, 'A section needs a row'),
        }),
      )
      .min(1, 'Add a section')
      .max(10, 'At most 10 sections'),
  }),
  /** A button that opens a URL. */
  z.strictObject({ kind: z.literal('cta_url'), ...interactiveFrame(1024), displayText: z.string().min(1).max(20, 'At most 20 characters'), url: mediaLink }),
])

/** The kinds that carry a file. */
export const mediaMessageKinds = ['image', 'video', 'audio', 'document', 'sticker'] as const

/** What the operator composes; the core turns it into Meta's request body. */
export const outgoingMessage = outgoingKindsUnion.superRefine((message, context) => {
  if ((mediaMessageKinds as readonly string[]).includes(message.kind)) {
    const source = message as { link?: string; mediaId?: string }
    if ((source.link === undefined) === (source.mediaId === undefined)) context.addIssue({ code: 'custom', path: ['link'], message: 'Give a public link or an uploaded file, not both' })
  }
  if (message.kind === 'buttons' && new Set(message.buttons.map((b) => b.title)).size < message.buttons.length) {
    context.addIssue({ code: 'custom', path: ['buttons'], message: 'Button titles must differ' })
  }
  if (message.kind === 'list') {
    const rows = message.sections.flatMap((section) => section.rows)
    if (rows.length > 10) context.addIssue({ code: 'custom', path: ['sections'], message: 'At most 10 rows in all sections together' })
    if (new Set(rows.map((row) => row.id)).size < rows.length) context.addIssue({ code: 'custom', path: ['sections'], message: 'Row ids must differ' })
    if (message.sections.length > 1 && message.sections.some((section) => !section.title)) {
      context.addIssue({ code: 'custom', path: ['sections'], message: 'With several sections, each needs a title' })
    }
  }
})
export type OutgoingMessage = z.infer<typeof outgoingMessage>
export type OutgoingKind = OutgoingMessage['kind']
/** Every kind the composer can send, in the contract's order: the UI lists these. */
export const outgoingKinds = outgoingKindsUnion.options.map((option) => option.shape.kind.value) as readonly OutgoingKind[]

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

export const composerSettings = z.object({
  /** Opening a conversation with unread messages tells the customer they were read, and shows "typing…". */
  readReceiptsOnOpen: z.boolean(),
})
export type ComposerSettings = z.infer<typeof composerSettings>

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
    summary: 'Mark an inbound message as read (blue ticks for the customer); with typing, show "typing…" until the reply (at most 25 s)',
    input: z.strictObject({ messageId: z.string().min(1).max(200), typing: z.boolean().optional() }),
    result: z.object({ success: z.boolean(), exchange: graphExchange.nullable() }),
  }),
  'composer.settings': call({ summary: 'How the composer behaves towards customers', input: noInput, result: composerSettings }),
  'composer.setSettings': call({ summary: 'Change how the composer behaves towards customers', input: composerSettings.partial().strict(), result: composerSettings }),
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
