import { EmptyState } from '../../components'
import { useAppInfo, useNav } from '../../stores'

/** No conversation yet: say where messages come from and what to do first. */
export function EmptyInbox() {
  const go = useNav((s) => s.go)
  const profile = useAppInfo((s) => s.info?.profile ?? null)
  if (!profile) {
    return (
      <EmptyState
        title="No active profile"
        action={
          <button type="button" className="button button--primary" onClick={() => go('settings')}>
            Open Settings
          </button>
        }
      >
        <p>The inbox shows the messages of the active profile. Add one with its app secret in Settings: the webhook listener needs the secret to check that deliveries really come from Meta.</p>
      </EmptyState>
    )
  }
  return (
    <EmptyState
      title="No conversations yet"
      action={
        <button type="button" className="button button--primary" onClick={() => go('webhooks')}>
          Open Webhooks
        </button>
      }
    >
      <p>Incoming WhatsApp messages and delivery statuses appear here live, grouped by customer.</p>
      <p>
        They arrive through the webhook listener. Its address is on the Webhooks screen: point your app&apos;s callback URL (or a tunnel to it) there, or
        run the built-in sandbox, whose simulated customers write to it.
      </p>
    </EmptyState>
  )
}
