import { memo } from 'react'
import type { ConversationView } from '@shared/contract'
import { RelativeTime } from '../../components'
import { typeLabel } from './type-labels'

/** One conversation in the list: who, the last message (its kind when it has no text), when, and unread count. */
export const ConversationRow = memo(function ConversationRow({ conversation, selected }: { conversation: ConversationView; selected: boolean }) {
  const { name, waId, unread, lastText, lastType, lastDirection, lastStatus, lastAt } = conversation
  const label = lastType && lastType !== 'text' ? typeLabel(lastType) : null
  return (
    <div className={`conversation${selected ? ' conversation--selected' : ''}${unread > 0 ? ' conversation--unread' : ''}`}>
      <div className="conversation__top">
        <span className="conversation__name">{name ?? `+${waId}`}</span>
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
      {name ? <div className="conversation__number">+{waId}</div> : null}
    </div>
  )
})
