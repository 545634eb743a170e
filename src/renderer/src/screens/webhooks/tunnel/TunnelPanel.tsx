import { useEffect, useState } from 'react'
import { ErrorMessage } from '../../../components'
import { useConnection, useProfiles, useTunnel } from '../../../stores'
import '../../../styles/tunnel.css'
import { AutoReregister } from './AutoReregister'
import { HealthPanel } from './HealthPanel'
import { ProviderForm } from './ProviderForm'
import { ProviderLog } from './ProviderLog'
import { RegisterForm } from './RegisterForm'
import { Registrations } from './Registrations'
import { SelfTestView } from './SelfTestView'
import { TunnelProblem, TunnelStateView, TunnelUrls } from './TunnelStateView'

/**
 * Expose the listener and point Meta at it, every step visible: the tunnel on the left (provider,
 * state, self-test, log), registration and where webhooks go now on the right. Folds to its state
 * line so the request inspector below gets the room.
 */
export function TunnelPanel() {
  const status = useTunnel((s) => s.status)
  const loadError = useTunnel((s) => s.loadError)
  const activeId = useProfiles((s) => s.activeId)
  const connection = useConnection((s) => s.state)
  const [folded, setFolded] = useState(false)

  // On entry, after a reconnect (events may have been missed), and for another profile (its saved choice).
  useEffect(() => {
    if (connection === 'open') void useTunnel.getState().load()
  }, [connection, activeId])

  return (
    <section className="tunnel" aria-label="Tunnel">
      <header className="tunnel__header">
        <h2>Tunnel</h2>
        {status ? <TunnelStateView status={status} /> : null}
        <button type="button" className="button button--ghost tunnel__fold" aria-expanded={!folded} onClick={() => setFolded(!folded)}>
          {folded ? 'Show controls' : 'Hide controls'}
        </button>
      </header>
      {status?.publicUrl && status.webhookUrl ? <TunnelUrls publicUrl={status.publicUrl} webhookUrl={status.webhookUrl} /> : null}
      {status?.state === 'error' || status?.retryAt ? <TunnelProblem status={status} /> : null}
      {loadError ? <ErrorMessage error={loadError} /> : null}
      {!status ? (
        loadError ? null : (
          <p className="muted" role="status">
            Loading the tunnel…
          </p>
        )
      ) : folded ? null : (
        <div className="tunnel__columns">
          <div className="tunnel__column">
            <ProviderForm status={status} />
            <SelfTestView status={status} />
            <AutoReregister enabled={status.autoReregister} />
            <ProviderLog lines={status.logs} />
          </div>
          <div className="tunnel__column">
            <RegisterForm status={status} />
            <Registrations records={status.registrations} />
            <HealthPanel />
          </div>
        </div>
      )}
    </section>
  )
}
