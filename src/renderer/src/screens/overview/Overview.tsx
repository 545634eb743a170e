import '../../styles/overview.css'
import { useEffect } from 'react'
import { EmptyState, ErrorMessage, ScreenHeader } from '../../components'
import { useAppInfo, useNav, useProfiles, useSandbox, useToken } from '../../stores'
import { DayStrip } from './DayStrip'
import { ForwardSummary } from './ForwardSummary'
import { MetaNotices } from './MetaNotices'
import { RefreshLog } from './RefreshLog'
import { SandboxPanel } from './SandboxPanel'
import { TokenBanner } from './TokenBanner'
import { TokenCard } from './TokenCard'

export function Overview() {
  const go = useNav((s) => s.go)
  const profile = useAppInfo((s) => s.info?.profile ?? null)
  const hasProfiles = useProfiles((s) => s.profiles.length > 0)
  const status = useToken((s) => s.status)
  const error = useToken((s) => s.error)
  const starting = useSandbox((s) => s.starting)
  const sandboxError = useSandbox((s) => s.error)

  useEffect(() => {
    void useToken.getState().load()
    void useSandbox.getState().load()
  }, [profile])

  if (!profile) {
    return (
      <>
        <ScreenHeader title="Overview" />
        <EmptyState
          title={hasProfiles ? 'No active profile' : 'No integration to watch yet'}
          action={
            <div className="inline-form">
              <button type="button" className="button button--primary" onClick={() => void useSandbox.getState().start()} disabled={starting}>
                {starting ? 'Starting the sandbox…' : 'Try the sandbox'}
              </button>
              <button type="button" className="button" onClick={() => go('settings')}>
                Open Settings
              </button>
            </div>
          }
        >
          <p>
            This is where the access token&apos;s expiry counts down, with a Refresh button and the log of every refresh attempt, so an
            expired token (Graph error 190) never surprises you.
          </p>
          <p>
            Add a profile with your app&apos;s credentials in Settings — or try everything first against the built-in sandbox, a
            simulated Cloud API with its own app, number, customers and short-lived tokens. No Meta account needed.
          </p>
          {sandboxError ? <ErrorMessage error={sandboxError} /> : null}
        </EmptyState>
      </>
    )
  }

  return (
    <>
      <ScreenHeader title="Overview" />
      {status ? <TokenBanner status={status} /> : null}
      {error ? <ErrorMessage error={error} /> : null}
      <div className="overview">
        {status ? <TokenCard status={status} /> : <p className="muted">Loading the token…</p>}
        <SandboxPanel />
      </div>
      <DayStrip profile={profile} />
      <ForwardSummary profile={profile} />
      <MetaNotices />
      <RefreshLog />
    </>
  )
}
