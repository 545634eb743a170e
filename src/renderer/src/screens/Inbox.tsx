import { EmptyState, ScreenHeader } from '../components'
import { useNav } from '../stores'

export function Inbox() {
  const go = useNav((s) => s.go)
  return (
    <>
      <ScreenHeader title="Inbox" />
      <EmptyState
        title="No messages yet"
        action={
          <button type="button" className="button" onClick={() => go('webhooks')}>
            Set up the webhook
          </button>
        }
      >
        <p>Incoming WhatsApp messages and delivery statuses appear here live, grouped by contact.</p>
        <p>They arrive through the webhook listener: point Meta (or the sandbox) at it first.</p>
      </EmptyState>
    </>
  )
}
