import type { MessageView } from '@shared/contract'
import { useComposer } from '../../stores'

export interface MessageAction {
  label: string
  run: () => void
}

/** Types that are not a message one can answer (a number change, a welcome request). */
const NOT_ANSWERABLE = new Set(['system', 'request_welcome'])

/** What the operator can do with a message from the thread: reply, react, and (inbound) mark it read. */
export function messageActions(message: MessageView, markedRead: boolean): MessageAction[] {
  if (NOT_ANSWERABLE.has(message.type)) return []
  const composer = useComposer.getState()
  const actions: MessageAction[] = [
    { label: 'Reply', run: () => composer.startAction({ kind: 'reply', message }) },
    { label: 'React', run: () => composer.startAction({ kind: 'react', message }) },
  ]
  if (message.direction === 'in' && !markedRead) actions.push({ label: 'Mark as read', run: () => void composer.markRead(message.contact, message.wamid) })
  return actions
}
