import type { MessageContent } from '@shared/contract'

const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ') || null

/**
 * One line of searchable, displayable text for a message: what an operator would want to find it
 * by. Kinds without words (audio, a sticker without caption) have none.
 */
export function summaryText(content: MessageContent): string | null {
  switch (content.kind) {
    case 'text':
      return content.body
    case 'media':
      return content.media === 'document' ? join(content.filename, content.caption) : content.caption
    case 'location':
      return join(content.name, content.address)
    case 'contacts':
      return join(...content.cards.map((card) => card.name))
    case 'reply':
      return join(content.title, content.description)
    case 'interactive':
      return join(content.header, content.body)
    case 'button':
      return content.text
    case 'reaction':
      return content.emoji
    case 'order':
      return content.text
    case 'system':
      return content.body
    case 'template':
      return join(content.name, ...content.values)
    case 'change':
    case 'unsupported':
    case 'welcome':
    case 'external':
    case 'unknown':
      return null
  }
}
