import { EmptyState, ScreenHeader } from '../components'
import { useNav } from '../stores'

export function Overview() {
  const go = useNav((s) => s.go)
  return (
    <>
      <ScreenHeader title="Overview" />
      <EmptyState
        title="No integration to watch yet"
        action={
          <button type="button" className="button button--primary" onClick={() => go('settings')}>
            Open Settings
          </button>
        }
      >
        <p>
          This is where the access token&apos;s expiry counts down, with a Refresh button and the log of every
          refresh attempt, so an expired token (Graph error 190) never surprises you.
        </p>
        <p>Start by adding a profile with your app&apos;s credentials in Settings.</p>
      </EmptyState>
    </>
  )
}
