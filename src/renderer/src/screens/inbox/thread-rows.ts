import type { MessageView } from '@shared/contract'

export interface Reaction {
  emoji: string
  direction: 'in' | 'out'
}

export interface ThreadRows {
  /** What the thread shows as rows: every message but reactions attached to a loaded message. */
  rows: MessageView[]
  /** Current reactions by the wamid they react to; one per side, the latest winning. */
  reactions: Map<string, Reaction[]>
  byWamid: Map<string, MessageView>
}

function reactionOf(message: MessageView): { target: string; emoji: string | null } | null {
  const { content } = message
  return content.kind === 'reaction' && content.messageId ? { target: content.messageId, emoji: content.emoji } : null
}

/**
 * Folds reactions into the messages they react to when those are loaded (a later reaction from the
 * same side replaces an earlier one; one without an emoji removes it). Reactions to messages that
 * are not loaded stay rows of their own.
 */
export function threadRows(messages: MessageView[]): ThreadRows {
  const byWamid = new Map(messages.map((m) => [m.wamid, m]))
  const latest = new Map<string, Map<'in' | 'out', string | null>>()
  const rows: MessageView[] = []
  for (const message of messages) {
    const reaction = reactionOf(message)
    if (!reaction || !byWamid.has(reaction.target)) {
      rows.push(message)
      continue
    }
    const sides = latest.get(reaction.target) ?? new Map<'in' | 'out', string | null>()
    sides.set(message.direction, reaction.emoji)
    latest.set(reaction.target, sides)
  }
  const reactions = new Map<string, Reaction[]>()
  for (const [target, sides] of latest) {
    const list: Reaction[] = []
    for (const [direction, emoji] of sides) if (emoji) list.push({ emoji, direction })
    if (list.length) reactions.set(target, list)
  }
  return { rows, reactions, byWamid }
}
