import type { ContactCard, OutgoingMessage, TemplateParameter } from '@shared/contract'

type Json = Record<string, unknown>

const textParams = (values: TemplateParameter[] | undefined) =>
  (values ?? []).map((value) => (typeof value === 'string' ? { type: 'text', text: value } : { type: 'text', parameter_name: value.name, text: value.text }))

function templateComponents(message: Extract<OutgoingMessage, { kind: 'template' }>): Json[] {
  const components: Json[] = []
  if (message.headerMedia) {
    components.push({ type: 'header', parameters: [{ type: message.headerMedia.type, [message.headerMedia.type]: { link: message.headerMedia.link } }] })
  } else if (message.header?.length) {
    components.push({ type: 'header', parameters: textParams(message.header) })
  }
  if (message.body?.length) components.push({ type: 'body', parameters: textParams(message.body) })
  for (const button of message.buttons ?? []) {
    const parameter =
      button.subType === 'quick_reply'
        ? { type: 'payload', payload: button.value }
        : button.subType === 'copy_code'
          ? { type: 'coupon_code', coupon_code: button.value }
          : { type: 'text', text: button.value }
    components.push({ type: 'button', sub_type: button.subType, index: String(button.index), parameters: [parameter] })
  }
  return components
}

/** A file by its uploaded id, or by a public link Meta fetches. */
const source = (message: { link?: string | undefined; mediaId?: string | undefined }): Json => (message.mediaId ? { id: message.mediaId } : { link: message.link })

type Interactive = Extract<OutgoingMessage, { kind: 'buttons' | 'list' | 'cta_url' }>

function interactive(message: Interactive, type: string, action: Json): Json {
  return {
    type: 'interactive',
    interactive: {
      type,
      ...(message.header ? { header: { type: 'text', text: message.header } } : {}),
      body: { text: message.body },
      ...(message.footer ? { footer: { text: message.footer } } : {}),
      action,
    },
  }
}

/** Meta's contact object: the formatted name is required; the first word doubles as the first name. */
function contactCard(card: ContactCard): Json {
  return {
    name: { formatted_name: card.name, first_name: card.name.split(/\s+/)[0] },
    phones: card.phones.map((phone) => ({ phone: phone.phone, ...(phone.type ? { type: phone.type } : {}), ...(phone.waId ? { wa_id: phone.waId } : {}) })),
    ...(card.emails?.length ? { emails: card.emails.map((email) => ({ email })) } : {}),
    ...(card.organisation ? { org: { company: card.organisation } } : {}),
  }
}

function content(message: OutgoingMessage): Json {
  switch (message.kind) {
    case 'text':
      return { type: 'text', text: { body: message.body, preview_url: message.previewUrl ?? false } }
    case 'template': {
      const components = templateComponents(message)
      return { type: 'template', template: { name: message.name, language: { code: message.language }, ...(components.length ? { components } : {}) } }
    }
    case 'image':
    case 'video':
      return { type: message.kind, [message.kind]: { ...source(message), ...(message.caption ? { caption: message.caption } : {}) } }
    case 'audio':
      return { type: 'audio', audio: { ...source(message), ...(message.voice ? { voice: true } : {}) } }
    case 'document':
      return {
        type: 'document',
        document: { ...source(message), ...(message.caption ? { caption: message.caption } : {}), ...(message.filename ? { filename: message.filename } : {}) },
      }
    case 'sticker':
      return { type: 'sticker', sticker: source(message) }
    case 'contacts':
      return { type: 'contacts', contacts: message.contacts.map(contactCard) }
    case 'buttons':
      return interactive(message, 'button', { buttons: message.buttons.map((button) => ({ type: 'reply', reply: { id: button.id, title: button.title } })) })
    case 'list':
      return interactive(message, 'list', {
        button: message.button,
        sections: message.sections.map((section) => ({
          ...(section.title ? { title: section.title } : {}),
          rows: section.rows.map((row) => ({ id: row.id, title: row.title, ...(row.description ? { description: row.description } : {}) })),
        })),
      })
    case 'cta_url':
      return interactive(message, 'cta_url', { name: 'cta_url', parameters: { display_text: message.displayText, url: message.url } })
    case 'location':
      return {
        type: 'location',
        location: {
          // Meta's schema types coordinates as strings (the API takes numbers too).
          latitude: String(message.latitude),
          longitude: String(message.longitude),
          ...(message.name ? { name: message.name } : {}),
          ...(message.address ? { address: message.address } : {}),
        },
      }
    case 'reaction':
      return { type: 'reaction', reaction: { message_id: message.messageId, emoji: message.emoji } }
  }
}

/** How a send names its recipient: `to` a phone number, or `recipient` = a BSUID (never both: Meta lets `to` win). */
export type Addressee = { to: string } | { recipient: string }

/** `POST /{phone-number-id}/messages` body, exactly as the Cloud API documents it. */
export function messageRequestBody(message: OutgoingMessage, addressee: Addressee, replyTo?: string): Json {
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    ...addressee,
    ...(replyTo ? { context: { message_id: replyTo } } : {}),
    ...content(message),
  }
}

/** Mark-as-read: the blue ticks on the customer's side; with `typing`, "typing…" too (until the reply, at most 25 s). */
export function markReadBody(messageId: string, typing = false): Json {
  return { messaging_product: 'whatsapp', status: 'read', message_id: messageId, ...(typing ? { typing_indicator: { type: 'text' } } : {}) }
}

/** The line the inbox shows and search finds for a sent message. */
export function sentText(message: OutgoingMessage): string | null {
  switch (message.kind) {
    case 'text':
      return message.body
    case 'template':
      return [message.name, ...(message.body ?? []).map((value) => (typeof value === 'string' ? value : value.text))].join(' · ')
    case 'image':
    case 'video':
      return message.caption ?? null
    case 'document':
      return [message.filename, message.caption].filter(Boolean).join(' · ') || null
    case 'location':
      return [message.name, message.address].filter(Boolean).join(' · ') || `${message.latitude}, ${message.longitude}`
    case 'reaction':
      return message.emoji || null
    case 'contacts':
      return message.contacts.map((card) => card.name).join(', ')
    case 'buttons':
    case 'list':
    case 'cta_url':
      return message.body
    case 'audio':
    case 'sticker':
      return null
  }
}

/** Whether Meta only accepts this inside the 24-hour customer service window. */
export function isFreeForm(message: OutgoingMessage): boolean {
  return message.kind !== 'template'
}
