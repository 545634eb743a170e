import { memo } from 'react'
import type { ConversationView } from '@shared/contract'
import { customerLabel, RelativeTime } from '../../components'
import { typeLabel } from './type-labels'

/** One conversation in the list: who, the last message (its kind when it has no text), when, and unread count. */
export const ConversationRow = memo(function ConversationRow({ conversation, selected }: { conversation: ConversationView; selected: boolean }) {
  const { unread, lastText, lastType, lastDirection, lastStatus, lastAt } = conversation
  const { title, detail } = customerLabel(conversation)
  const label = lastType && lastType !== 'text' ? typeLabel(lastType) : null
  return (
    <div className={`conversation${selected ? ' conversation--selected' : ''}${unread > 0 ? ' conversation--unread' : ''}`}>
      <div className="conversation__top">
        <span className="conversation__name">{title}</span>
        <RelativeTime at={lastAt} className="conversation__time" />
      </div>
      <div className="conversation__bottom">
        <span className="conversation__preview">
          {lastDirection === 'out' ? <span className="conversation__you">You: </span> : null}
          {label ? <span className="type-label">{label}</span> : null}
          {lastText ? ` ${lastText}` : null}
          {lastDirection === 'out' && lastStatus === 'failed' ? <span className="conversation__failed"> · failed</span> : null}
        </span>
        {unread > 0 ? (
          <span className="unread" title={`${unread} unread`}>
            {unread}
            <span className="visually-hidden"> unread</span>
          </span>
        ) : null}
      </div>
      {detail ? <div className="conversation__number">{detail}</div> : null}
    </div>
  )
})
