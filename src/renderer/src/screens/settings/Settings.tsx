import { useEffect, useState } from 'react'
import { EmptyState, ErrorMessage, ScreenHeader } from '../../components'
import { useProfiles } from '../../stores'
import { EnvImportDialog } from './EnvImportDialog'
import { GraphBaseUrlNotice } from './GraphBaseUrlNotice'
import { ConversationSettingsPanel } from './ConversationSettingsPanel'
import { KeychainState } from './KeychainState'
import { LaunchAtLoginPanel } from './LaunchAtLoginPanel'
import { MediaSettingsPanel } from './MediaSettingsPanel'
import { ProfileEditor } from './ProfileEditor'
import { ProfileList } from './ProfileList'

export function Settings() {
  const loaded = useProfiles((s) => s.loaded)
  const profiles = useProfiles((s) => s.profiles)
  const error = useProfiles((s) => s.error)
  const view = useProfiles((s) => (s.selectedId ? s.views[s.selectedId] : undefined))
  const [importing, setImporting] = useState(false)

  useEffect(() => {
    void useProfiles.getState().load()
  }, [])

  return (
    <>
      <ScreenHeader title="Settings">
        <KeychainState />
      </ScreenHeader>
      <GraphBaseUrlNotice />
      {error ? <ErrorMessage error={error} /> : null}
      {!loaded ? (
        <p className="muted" role="status">
          Loading profiles…
        </p>
      ) : (
        <div className="settings">
          <ProfileList onImport={() => setImporting(true)} />
          {view ? (
            <ProfileEditor key={view.id} view={view} />
          ) : profiles.length === 0 ? (
            <EmptyState
              title="No profiles yet"
              action={
                <button type="button" className="button button--primary" onClick={() => setImporting(true)}>
                  Import from .env…
                </button>
              }
            >
              <p>
                A profile holds one WhatsApp integration: app ID, app secret, access token, verify token, phone number ID and
                WhatsApp Business Account ID. Secrets are kept in the OS keychain, never on disk.
              </p>
              <p>Create a profile on the left, or import the values from your integration&apos;s existing .env file.</p>
            </EmptyState>
          ) : (
            <p className="muted">Loading profile…</p>
          )}
        </div>
      )}
      {loaded ? (
        <>
          <ConversationSettingsPanel />
          <MediaSettingsPanel />
          <LaunchAtLoginPanel />
        </>
      ) : null}
      {importing ? <EnvImportDialog onClose={() => setImporting(false)} /> : null}
    </>
  )
}
