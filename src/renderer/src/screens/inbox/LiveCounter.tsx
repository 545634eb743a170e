import { useInbox, useWebhook } from '../../stores'

const number = new Intl.NumberFormat()
const count = (n: number, one: string, many: string) => `${number.format(n)} ${n === 1 ? one : many}`

/** Totals and what arrived while you watch; kept current by the coalesced refresh. */
export function LiveCounter() {
  const stats = useInbox((s) => s.stats)
  const liveEvents = useInbox((s) => s.liveEvents)
  const backlog = useWebhook((s) => s.listener?.inboxBacklog ?? 0)
  if (!stats) return null
  return (
    <div className="live-counter" data-testid="live-counter">
      <span title="Messages and conversations stored for the active profile">
        {count(stats.messages, 'message', 'messages')} · {count(stats.conversations, 'conversation', 'conversations')}
      </span>
      <span className="live-counter__live" title="Messages first stored since Switchboard started">
        <span className="dot dot--live" aria-hidden="true" /> {number.format(stats.receivedThisSession)} received this session
      </span>
      <span className="muted" title="Messages, statuses and other webhook events committed since this window opened">
        {count(liveEvents, 'webhook event', 'webhook events')} since opened
      </span>
      {backlog > 0 ? (
        <span role="status" data-testid="inbox-backlog" title="A burst was acknowledged first; its deliveries are stored and being filed into the inbox">
          <span className="spinner" aria-hidden="true" /> filing {count(backlog, 'delivery', 'deliveries')}…
        </span>
      ) : null}
    </div>
  )
}
