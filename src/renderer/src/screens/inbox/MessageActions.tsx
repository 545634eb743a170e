import type { MessageView } from '@shared/contract'
import { useComposer } from '../../stores'
import { messageActions } from './message-actions'

/** Reply, react and mark-as-read buttons under a message (the same as its context menu). */
export function MessageActions({ message }: { message: MessageView }) {
  const markedRead = useComposer((s) => s.markedRead[message.wamid] === true)
  const busy = useComposer((s) => s.busy[message.contact] === true)
  const actions = messageActions(message, markedRead)
  if (actions.length === 0) return null
  return (
    <span className="msg__actions" role="group" aria-label="Message actions">
      {actions.map((action) => (
        <button key={action.label} type="button" className="msg__action" disabled={busy} onClick={action.run}>
          {action.label}
        </button>
      ))}
      {markedRead ? <span className="msg__read-mark">marked read</span> : null}
    </span>
  )
}
