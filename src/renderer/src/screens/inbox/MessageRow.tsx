import { memo } from 'react'
import type { MessageView } from '@shared/contract'
import { JsonView, formatFull } from '../../components'
import { EditHistory } from './EditHistory'
import { ErrorLines } from './ErrorLines'
import { MessageActions } from './MessageActions'
import type { MenuRequest } from './MessageMenu'
import { MessageBody } from './MessageBody'
import { ReplyContext } from './ReplyContext'
import { StatusTicks } from './StatusTicks'
import type { Reaction } from './thread-rows'

interface MessageRowProps {
  message: MessageView
  reactions: Reaction[] | undefined
  quoted: MessageView | undefined
  focused: boolean
  onShow: (target: MessageView) => void
  onTimeline: (message: MessageView) => void
  /** Right click: the message's context menu (reply, react, mark as read). */
  onMenu?: (request: MenuRequest) => void
}

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })

/** One message of a thread: content, what it replies to, its reactions, time and delivery status. */
export const MessageRow = memo(function MessageRow({ message, reactions, quoted, focused, onShow, onTimeline, onMenu }: MessageRowProps) {
  const out = message.direction === 'out'
  const system = message.type === 'system'
  const failed = message.status === 'failed'
  const deleted = message.revokedAt !== null
  return (
    <article
      className={`msg msg--${out ? 'out' : 'in'}${system ? ' msg--system' : ''}${focused ? ' msg--focused' : ''}${failed ? ' msg--failed' : ''}${deleted ? ' msg--deleted' : ''}`}
      aria-label={`${out ? 'Sent' : 'Received'} ${formatFull(message.timestamp)}`}
      data-wamid={message.wamid}
      onContextMenu={
        onMenu
          ? (event) => {
              event.preventDefault()
              onMenu({ message, x: event.clientX, y: event.clientY })
            }
          : undefined
      }
    >
      <div className="msg__bubble">
        <ReplyContext message={message} quoted={quoted} onShow={onShow} />
        {deleted ? (
          <div className="msg__deleted" role="note">
            {out ? 'Deleted by the business' : 'Deleted by the customer'} {formatFull(message.revokedAt ?? 0)}; what it said:
          </div>
        ) : null}
        <MessageBody message={message} />
        {failed ? (
          <div className="msg__failure" role="note">
            <strong>Not delivered.</strong>
            <ErrorLines errors={message.errorDetails} label="Why it failed" />
            {message.hint ? <div className="msg__hint">{message.hint}</div> : null}
          </div>
        ) : null}
        <div className="msg__meta">
          <time dateTime={new Date(message.timestamp).toISOString()} title={formatFull(message.timestamp)}>
            {timeOfDay.format(message.timestamp)}
          </time>
          {message.origin === 'business_app' ? <span className="msg__origin" title="Sent from the WhatsApp Business app on this number, not through the API">Business app</span> : null}
          {message.editedAt !== null ? <EditHistory message={message} /> : null}
          {out ? <StatusTicks message={message} onOpen={() => onTimeline(message)} /> : null}
          <MessageActions message={message} />
          <details className="msg__raw">
            <summary>Raw</summary>
            <JsonView value={message.payload} label="Message payload" />
          </details>
        </div>
      </div>
      {reactions?.length ? (
        <ul className="reactions" aria-label="Reactions">
          {reactions.map((r) => (
            <li key={r.direction} title={r.direction === 'in' ? 'Customer reacted' : 'You reacted'}>
              <span>{r.emoji}</span>
              <span className="visually-hidden">{r.direction === 'in' ? ' from the customer' : ' from you'}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  )
})
