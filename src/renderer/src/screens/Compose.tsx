import { EmptyState, ScreenHeader } from '../components'
import { useNav } from '../stores'

export function Compose() {
  const go = useNav((s) => s.go)
  return (
    <>
      <ScreenHeader title="Compose" />
      <EmptyState
        title="Nothing to send from yet"
        action={
          <button type="button" className="button" onClick={() => go('settings')}>
            Add credentials
          </button>
        }
      >
        <p>Send text, templates, media, locations, reactions and replies, then follow each message&apos;s status.</p>
        <p>Sending needs a profile with a phone number ID and a valid access token.</p>
      </EmptyState>
    </>
  )
}
