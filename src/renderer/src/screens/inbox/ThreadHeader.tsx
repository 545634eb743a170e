import type { ThreadState } from '../../stores'
import { formatRelative } from '../../components'
import { useServiceWindow } from './service-window'

/** Who the conversation is with, and whether the 24-hour customer service window is open. */
export function ThreadHeader({ thread }: { thread: ThreadState }) {
  const contact = thread.contact
  const window = useServiceWindow(contact?.lastInboundAt ?? null)
  return (
    <header className="thread__header">
      <h2 className="thread__title">
        {contact?.name ?? `+${thread.waId}`}
        {contact?.name ? <span className="muted thread__number"> +{thread.waId}</span> : null}
      </h2>
      {window ? (
        <span className={`badge ${window.open ? 'badge--ok' : 'badge--warn'}`} title="WhatsApp's 24-hour customer service window, from the last message the customer sent">
          {window.open ? `Reply window open, closes ${window.closes}` : `Reply window closed ${formatRelative(window.closedAt, window.now)}: templates only`}
        </span>
      ) : null}
    </header>
  )
}
