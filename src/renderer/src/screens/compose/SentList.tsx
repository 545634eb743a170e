import type { MessageView } from '@shared/contract'
import { keyLabel, RelativeTime } from '../../components'
import { useComposer } from '../../stores'

const marks: Record<string, string> = { accepted: '◷', sent: '✓', delivered: '✓✓', read: '✓✓', played: '▶', failed: '✕' }

function summary(message: MessageView): string {
  return message.text ?? `(${message.type})`
}

/** What was sent from this screen, newest first, with each message's status as the webhooks report it. */
export function SentList({ onOpenConversation }: { onOpenConversation: (contact: string) => void }) {
  const sent = useComposer((s) => s.sent)
  if (sent.length === 0) return null
  return (
    <section className="sent" aria-label="Sent from here">
      <h2>Sent from here</h2>
      <p className="muted sent__note">“Accepted” means Meta took the message, not that it arrived: the status follows the webhooks.</p>
      <ul className="sent__list" aria-label="Sent messages">
        {sent.map((message) => {
          const status = message.status ?? 'accepted'
          return (
            <li key={message.wamid} className="sent__item" data-wamid={message.wamid}>
              <div className="sent__top">
                <span className="type-label">{message.type}</span> <span className="sent__to">{keyLabel(message.contact)}</span>
                <RelativeTime at={message.timestamp} className="muted sent__time" />
                <span className={`ticks ticks--${status}`} data-testid="sent-status">
                  <span aria-hidden="true" className="ticks__glyph">
                    {marks[status] ?? '•'}
                  </span>
                  {status}
                </span>
              </div>
              <div className="sent__text">{summary(message)}</div>
              <button type="button" className="button button--small" onClick={() => onOpenConversation(message.contact)}>
                Open the conversation
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
