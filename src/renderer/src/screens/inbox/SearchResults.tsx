import { useCallback } from 'react'
import { customerLabel, ErrorMessage, keyLabel, PagedList, RelativeTime } from '../../components'
import { useInbox } from '../../stores'
import { Snippet } from './Snippet'
import { typeLabel } from './type-labels'
import type { useSearch, SearchHit } from './use-search'

const hitKey = (hit: SearchHit) => hit.message.id

/** Messages matching the search, newest first; opening one opens its thread at that message. */
export function SearchResults({ search, query }: { search: ReturnType<typeof useSearch>; query: string }) {
  const open = useInbox((s) => s.open)
  const thread = useInbox((s) => s.thread)
  const focusedId = thread?.focusId ?? null
  const onOpen = useCallback((hit: SearchHit) => void open(hit.message.contact, hit.message), [open])
  const renderItem = useCallback(
    (hit: SearchHit) => (
      <div className="hit">
        <div className="conversation__top">
          <span className="conversation__name">{hit.contactName ?? keyLabel(hit.message.contact)}</span>
          <RelativeTime at={hit.message.timestamp} className="conversation__time" />
        </div>
        <div className="hit__snippet">
          {hit.message.direction === 'out' ? <span className="conversation__you">You: </span> : null}
          {hit.message.type !== 'text' ? <span className="type-label">{typeLabel(hit.message.type)}</span> : null} <Snippet text={hit.snippet || (hit.message.text ?? '')} />
        </div>
      </div>
    ),
    [],
  )

  const count = search.hits.length
  return (
    <div className="search-results">
      <p className="muted search-results__status" role="status">
        {search.searching ? 'Searching…' : count === 0 ? `No messages match “${query.trim()}”` : `${count}${search.hasMore ? '+' : ''} message${count === 1 ? '' : 's'} found`}
      </p>
      {search.error ? <ErrorMessage error={search.error} /> : null}
      {search.people.length ? (
        <ul className="search-people" aria-label="Matching customers">
          {search.people.map((person) => {
            const { title, detail } = customerLabel(person)
            return (
              <li key={person.key}>
                <button type="button" className="button button--ghost" onClick={() => void open(person.key)}>
                  <strong>{title}</strong> {detail ? <span className="muted">{detail}</span> : null}
                </button>
              </li>
            )
          })}
        </ul>
      ) : null}
      {count > 0 ? (
        <PagedList
          items={search.hits}
          itemKey={hitKey}
          estimateSize={60}
          renderItem={renderItem}
          label="Search results"
          selectedKey={focusedId}
          onOpen={onOpen}
          paging={search}
          loadingText="Loading more results…"
          className="inbox__conversations"
        />
      ) : null}
    </div>
  )
}
