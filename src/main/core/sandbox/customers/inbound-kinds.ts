/** Every inbound message type Meta documents for the `messages` webhook, as the sandbox can send them. */
export const INBOUND_KINDS = [
  'text',
  'image',
  'audio',
  'voice',
  'video',
  'document',
  'sticker',
  'location',
  'contacts',
  'button_reply',
  'list_reply',
  'button',
  'reaction',
  'order',
  'system',
  'unsupported',
] as const

export type InboundKind = (typeof INBOUND_KINDS)[number]

export function isInboundKind(value: unknown): value is InboundKind {
  return typeof value === 'string' && (INBOUND_KINDS as readonly string[]).includes(value)
}
