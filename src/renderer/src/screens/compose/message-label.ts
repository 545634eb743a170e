import type { MessageView } from '@shared/contract'

const time = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })
const MAX = 60

/** One line naming a message to reply or react to: who, when, and the start of its text. */
export function messageLabel(message: MessageView): string {
  const text = (message.text ?? `(${message.type})`).replace(/\s+/g, ' ')
  const short = text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text
  return `${message.direction === 'in' ? 'Customer' : 'You'} · ${time.format(message.timestamp)} · ${short}`
}
