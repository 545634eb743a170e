import { obj, str, type Json } from './json-shape'

/**
 * One line of searchable, displayable text for any inbound message type: what an operator would
 * want to find it by. Unknown types fall back to nothing rather than guessing.
 */

const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' · ') || null

export function messageText(message: Json): string | null {
  const type = str(message.type) ?? 'unknown'
  const body = obj(message[type])
  switch (type) {
    case 'text':
      return str(body?.body) ?? null
    case 'image':
    case 'video':
    case 'sticker':
      return str(body?.caption) ?? null
    case 'audio':
      return null
    case 'document':
      return join(str(body?.filename), str(body?.caption))
    case 'location':
      return join(str(body?.name), str(body?.address))
    case 'contacts': {
      const list = Array.isArray(message.contacts) ? (message.contacts as unknown[]) : []
      return join(...list.map((c) => str(obj(obj(c)?.name)?.formatted_name)))
    }
    case 'interactive': {
      const reply = obj(body?.button_reply) ?? obj(body?.list_reply)
      if (reply) return join(str(reply.title), str(reply.description))
      const flow = obj(body?.nfm_reply)
      return flow ? join(str(flow.name), str(flow.body)) : null
    }
    case 'button':
      return str(body?.text) ?? null
    case 'reaction':
      return str(body?.emoji) ?? null
    case 'order':
      return str(body?.text) ?? null
    case 'system':
      return str(body?.body) ?? null
    default:
      return null
  }
}
