import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { EmptyState, ErrorMessage, ScreenHeader } from '../../components'
import { useConnection, useWebhook } from '../../stores'
import '../../styles/webhooks.css'
import { ForwardPanel } from './forward'
import { ListenerPanel } from './ListenerPanel'
import { RequestDetail } from './RequestDetail'
import { RequestList } from './RequestList'
import { TunnelPanel } from './tunnel'
import { VerdictFilter } from './VerdictFilter'

export function Webhooks() {
  const { listener, listenerError, loaded, error, filter } = useWebhook(
    useShallow(({ listener, listenerError, loaded, error, filter }) => ({ listener, listenerError, loaded, error, filter })),
  )
  const empty = useWebhook((s) => s.loaded && s.requests.length === 0)
  const connection = useConnection((s) => s.state)

  // On entry and after a reconnect (events may have been missed while the socket was down).
  useEffect(() => {
    if (connection === 'open') void useWebhook.getState().load()
  }, [connection])

  return (
    <>
      <ScreenHeader title="Webhooks">
        <VerdictFilter />
      </ScreenHeader>
      {listenerError ? <ErrorMessage error={listenerError} /> : null}
      {listener ? <ListenerPanel listener={listener} /> : null}
      <TunnelPanel />
      <ForwardPanel />
      {error ? <ErrorMessage error={error} /> : null}
      {!loaded ? (
        <p className="muted" role="status">
          Loading requests…
        </p>
      ) : empty && filter === null ? (
        <EmptyState title="The listener has not received anything">
          <p>
            Every request to the webhook listener shows here with its verdict, signature check and raw body, including Meta&apos;s verification
            handshake.
          </p>
          <p>
            Point your app&apos;s callback URL (or a tunnel to it) at the address above: in the App Dashboard under WhatsApp → Configuration, with
            the profile&apos;s verify token.
          </p>
        </EmptyState>
      ) : (
        <div className="requests">
          <div className="requests__pane">
            {empty ? <p className="muted">No request with this verdict.</p> : <RequestList />}
          </div>
          <div className="requests__detail">
            <RequestDetail />
          </div>
        </div>
      )}
    </>
  )
}
