import { EmptyState, ScreenHeader } from '../components'

export function Webhooks() {
  return (
    <>
      <ScreenHeader title="Webhooks" />
      <EmptyState title="The listener has not received anything">
        <p>
          Every request to the local webhook listener shows here with its verdict, signature check and raw body,
          including Meta&apos;s verification handshake.
        </p>
        <p>
          Start <code>switchboard serve</code> and point your app&apos;s callback URL (or a tunnel) at the printed{' '}
          <code>Webhook:</code> address.
        </p>
      </EmptyState>
    </>
  )
}
