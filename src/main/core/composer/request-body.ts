import type { OutgoingMessage, TemplateParameter } from '@shared/contract'

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
      return { type: message.kind, [message.kind]: { link: message.link, ...(message.caption ? { caption: message.caption } : {}) } }
    case 'audio':
      return { type: 'audio', audio: { link: message.link } }
    case 'document':
      return {
        type: 'document',
        document: { link: message.link, ...(message.caption ? { caption: message.caption } : {}), ...(message.filename ? { filename: message.filename } : {}) },
      }
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

/** Mark-as-read: the blue ticks on the customer's side. */
export function markReadBody(messageId: string): Json {
  return { messaging_product: 'whatsapp', status: 'read', message_id: messageId }
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
    case 'audio':
      return null
  }
}

/** Whether Meta only accepts this inside the 24-hour customer service window. */
export function isFreeForm(message: OutgoingMessage): boolean {
  return message.kind !== 'template'
}
