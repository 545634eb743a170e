import { useCallback, useMemo, useState } from 'react'
import type { MessageView } from '@shared/contract'
import { addressOf, customerLabel, ErrorMessage, keyLabel, VirtualList, type ItemKey } from '../../components'
import { DockedComposer } from '../compose'
import { useInbox, type ThreadState } from '../../stores'
import { MessageMenu, type MenuRequest } from './MessageMenu'
import { MessageRow } from './MessageRow'
import { StatusTimelineDialog } from './StatusTimelineDialog'
import { ThreadHeader } from './ThreadHeader'
import { threadRows } from './thread-rows'

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })
const dayOf = (at: number) => new Date(at).toDateString()
const messageKey = (message: MessageView) => message.id

/** One conversation, oldest at the top; older pages load as you scroll up, new messages follow at the bottom. */
export function Thread({ thread }: { thread: ThreadState }) {
  const loadOlder = useInbox((s) => s.loadOlder)
  const showLatest = useInbox((s) => s.showLatest)
  const setViewport = useInbox((s) => s.setViewport)
  const [timelineOf, setTimelineOf] = useState<MessageView | null>(null)
  const [reveal, setReveal] = useState<ItemKey | null>(thread.focusId)
  const [menu, setMenu] = useState<MenuRequest | null>(null)
  const closeMenu = useCallback(() => setMenu(null), [])

  const { rows, reactions, byWamid } = useMemo(() => threadRows(thread.messages), [thread.messages])
  const onRange = useCallback((first: number, last: number) => setViewport('thread', first, last), [setViewport])
  const onStart = useCallback(() => void loadOlder(), [loadOlder])
  const onShow = useCallback((target: MessageView) => setReveal(target.id), [])

  const renderItem = (message: MessageView, index: number) => {
    const previous = rows[index - 1]
    const newDay = !previous || dayOf(previous.timestamp) !== dayOf(message.timestamp)
    return (
      <>
        {newDay ? (
          <div className="day-separator" role="separator">
            {dayFormat.format(message.timestamp)}
          </div>
        ) : null}
        <MessageRow
          message={message}
          reactions={reactions.get(message.wamid)}
          quoted={message.contextWamid ? byWamid.get(message.contextWamid) : undefined}
          focused={message.id === thread.focusId || message.id === reveal}
          onShow={onShow}
          onTimeline={setTimelineOf}
          onMenu={setMenu}
        />
      </>
    )
  }

  const name = thread.contact ? customerLabel(thread.contact).title : keyLabel(thread.key)
  return (
    <section className="thread" aria-label={`Conversation with ${name}`}>
      <ThreadHeader thread={thread} />
      {thread.error ? <ErrorMessage error={thread.error} /> : null}
      {thread.detached ? (
        <div className="banner banner--warning thread__detached" role="status">
          Showing the messages up to the search hit.{' '}
          <button type="button" className="button button--small" onClick={() => void showLatest()}>
            Show latest messages
          </button>
        </div>
      ) : null}
      {thread.loading ? (
        <p className="muted thread__loading" role="status">
          Loading messages…
        </p>
      ) : rows.length === 0 ? (
        <p className="muted thread__loading">No messages in this conversation.</p>
      ) : (
        <VirtualList
          key={thread.generation}
          items={rows}
          itemKey={messageKey}
          estimateSize={72}
          renderItem={renderItem}
          label={`Messages with ${name}`}
          anchor="end"
          revealKey={reveal}
          onRangeChange={onRange}
          onStartReached={thread.hasOlder ? onStart : undefined}
          className="thread__messages"
          header={
            thread.loadingOlder ? (
              <p className="muted thread__older" role="status">
                Loading older messages…
              </p>
            ) : null
          }
        />
      )}
      {thread.loading ? null : <DockedComposer contact={thread.key} to={thread.contact ? addressOf(thread.contact) : keyLabel(thread.key)} name={name} />}
      {menu ? <MessageMenu request={menu} onClose={closeMenu} /> : null}
      {timelineOf ? <StatusTimelineDialog message={timelineOf} onClose={() => setTimelineOf(null)} /> : null}
    </section>
  )
}
