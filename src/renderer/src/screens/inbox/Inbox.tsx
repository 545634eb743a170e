import { useEffect, useState } from 'react'
import { ErrorMessage, ScreenHeader } from '../../components'
import { useConnection, useInbox } from '../../stores'
import '../../styles/inbox.css'
import { ConversationList } from './ConversationList'
import { EmptyInbox } from './EmptyInbox'
import { ExportButtons } from './ExportButtons'
import { LiveCounter } from './LiveCounter'
import { SearchResults } from './SearchResults'
import { Thread } from './Thread'
import { useSearch } from './use-search'

export function Inbox() {
  const loaded = useInbox((s) => s.loaded)
  const error = useInbox((s) => s.error)
  const empty = useInbox((s) => s.loaded && s.conversations.length === 0)
  const thread = useInbox((s) => s.thread)
  const connection = useConnection((s) => s.state)
  const [query, setQuery] = useState('')
  const search = useSearch(query)

  useEffect(() => {
    const inbox = useInbox.getState()
    inbox.setShown(true)
    return () => inbox.setShown(false)
  }, [])

  // On entry and after a reconnect (events may have been missed while the socket was down).
  useEffect(() => {
    if (connection === 'open') void useInbox.getState().load()
  }, [connection])

  return (
    <>
      <ScreenHeader title="Inbox">
        <LiveCounter />
      </ScreenHeader>
      <div className="inbox__tools">
        <input
          type="search"
          className="input inbox__search"
          placeholder="Search all messages"
          aria-label="Search messages"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setQuery('')
          }}
        />
        <ExportButtons />
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {!loaded ? (
        <p className="muted" role="status">
          Loading conversations…
        </p>
      ) : empty && !search.active ? (
        <EmptyInbox />
      ) : (
        <div className="inbox">
          <div className="inbox__list">{search.active ? <SearchResults search={search} query={query} /> : <ConversationList />}</div>
          <div className="inbox__thread">
            {thread ? (
              <Thread key={thread.generation} thread={thread} />
            ) : (
              <p className="muted inbox__choose">Choose a conversation on the left (arrow keys move, Enter opens).</p>
            )}
          </div>
        </div>
      )}
    </>
  )
}
