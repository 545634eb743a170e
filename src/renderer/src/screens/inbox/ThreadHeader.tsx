import type { ThreadState } from '../../stores'
import { customerLabel, formatFull, formatRelative, keyLabel } from '../../components'
import { useServiceWindow } from './service-window'

/** Who the conversation is with, whether the 24-hour customer service window is open, and marketing opt-outs. */
export function ThreadHeader({ thread }: { thread: ThreadState }) {
  const contact = thread.contact
  const window = useServiceWindow(contact?.lastInboundAt ?? null)
  const { title, detail } = contact ? customerLabel(contact) : { title: keyLabel(thread.key), detail: null }
  return (
    <header className="thread__header">
      <h2 className="thread__title">
        {title}
        {detail ? <span className="muted thread__number"> {detail}</span> : null}
      </h2>
      {window ? (
        <span className={`badge ${window.open ? 'badge--ok' : 'badge--warn'}`} title="WhatsApp's 24-hour customer service window, from the last message the customer sent">
          {window.open ? `Reply window open, closes ${window.closes}` : `Reply window closed ${formatRelative(window.closedAt, window.now)}: templates only`}
        </span>
      ) : null}
      {contact?.marketing === 'stop' ? (
        <span className="badge badge--warn" title={contact.marketingAt ? `Since ${formatFull(contact.marketingAt)}` : undefined}>
          Stopped marketing messages
        </span>
      ) : null}
    </header>
  )
}
