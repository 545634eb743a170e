import { useState, type FormEvent } from 'react'
import type { AppError, ListenerState } from '@shared/contract'
import { ErrorMessage } from '../../components'
import { useWebhook } from '../../stores'

const deliveries = (count: number) => `${count.toLocaleString('en')} deliver${count === 1 ? 'y' : 'ies'}`

function portFromError(error: string | null): string {
  return /Port (\d+)/.exec(error ?? '')?.[1] ?? ''
}

/** Where the listener is, why it is not, and the two things to set: its port and how long raw requests are kept. */
export function ListenerPanel({ listener }: { listener: ListenerState }) {
  const restart = useWebhook((s) => s.restart)
  const setRetention = useWebhook((s) => s.setRetention)
  const [port, setPort] = useState(() => (listener.port ? String(listener.port) : portFromError(listener.error)))
  const [days, setDays] = useState(String(listener.retentionDays))
  const [busy, setBusy] = useState<'restart' | 'retention' | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [saved, setSaved] = useState<string | null>(null)

  const portNumber = Number(port)
  const portValid = port.trim() !== '' && Number.isInteger(portNumber) && portNumber >= 0 && portNumber <= 65535
  const daysNumber = Number(days)
  const daysValid = Number.isInteger(daysNumber) && daysNumber >= 1 && daysNumber <= 3650

  const onRestart = async (event: FormEvent) => {
    event.preventDefault()
    if (!portValid) return
    setBusy('restart')
    setError(null)
    setSaved(null)
    const failure = await restart(portNumber)
    setBusy(null)
    setError(failure)
    if (!failure) setSaved(portNumber === 0 ? 'Restarted on a free port.' : `Restarted on port ${portNumber}.`)
  }

  const onRetention = async (event: FormEvent) => {
    event.preventDefault()
    if (!daysValid) return
    setBusy('retention')
    setError(null)
    setSaved(null)
    const failure = await setRetention(daysNumber)
    setBusy(null)
    setError(failure)
    if (!failure) setSaved(`Raw requests are now kept ${daysNumber} day${daysNumber === 1 ? '' : 's'}.`)
  }

  return (
    <section className="listener" aria-label="Webhook listener">
      <div className="listener__state" role="status" data-testid="listener-state">
        <span className={`dot listener__dot listener__dot--${listener.state}`} aria-hidden="true" />
        {listener.state === 'listening' ? (
          <>
            Listening on <code className="listener__url">{listener.url}</code>
          </>
        ) : listener.state === 'error' ? (
          <strong>Not listening</strong>
        ) : (
          <strong>Stopped</strong>
        )}
      </div>
      {listener.error ? (
        <div className="banner banner--danger" role="alert">
          {listener.error}
        </div>
      ) : null}
      {listener.storeFault ? (
        <div className="banner banner--danger" role="alert" data-testid="store-fault">
          <strong>Deliveries are not being stored.</strong> {listener.storeFault}
        </div>
      ) : null}
      {listener.inboxFault ? (
        <div className="banner banner--danger" role="alert" data-testid="inbox-fault">
          <strong>{deliveries(listener.inboxBacklog)} stored and acknowledged, not yet in the inbox.</strong> {listener.inboxFault}
        </div>
      ) : listener.inboxBacklog > 0 ? (
        <p className="banner" role="status" data-testid="inbox-backlog">
          <span className="spinner" aria-hidden="true" /> Filing {deliveries(listener.inboxBacklog)} into the inbox: a burst was acknowledged first and is stored; the inbox catches up in moments.
        </p>
      ) : null}
      {listener.refused.sinceStart > 0 ? (
        <p className={listener.refused.lastMinute > 0 ? 'banner banner--warning' : 'muted'} data-testid="refused-count">
          {listener.refused.sinceStart.toLocaleString('en')} request{listener.refused.sinceStart === 1 ? '' : 's'} refused since the listener started
          {listener.refused.lastMinute > 0 ? `, ${listener.refused.lastMinute.toLocaleString('en')} in the last minute` : ''} (unsigned, forged, from a browser or to
          another path). The newest are kept for the inspector; a flood is counted here, not stored row by row.
        </p>
      ) : null}
      <div className="listener__forms">
        <form className="inline-form" onSubmit={(event) => void onRestart(event)}>
          <label htmlFor="listener-port">Port</label>
          <input
            id="listener-port"
            className="input input--mono listener__number"
            inputMode="numeric"
            value={port}
            aria-invalid={!portValid}
            aria-describedby="listener-port-hint"
            onChange={(event) => setPort(event.target.value)}
          />
          <button type="submit" className="button button--small" disabled={!portValid || busy !== null}>
            {busy === 'restart' ? 'Restarting…' : `Restart on port ${portValid ? (portNumber === 0 ? 'any free' : portNumber) : '…'}`}
          </button>
          <span id="listener-port-hint" className="muted">
            0 picks a free port
          </span>
        </form>
        <form className="inline-form" onSubmit={(event) => void onRetention(event)}>
          <label htmlFor="listener-retention">Keep raw requests</label>
          <input
            id="listener-retention"
            className="input input--mono listener__number"
            inputMode="numeric"
            value={days}
            aria-invalid={!daysValid}
            onChange={(event) => setDays(event.target.value)}
          />
          <span>days</span>
          <button type="submit" className="button button--small" disabled={!daysValid || busy !== null || daysNumber === listener.retentionDays}>
            {busy === 'retention' ? 'Saving…' : 'Save'}
          </button>
          <span className="muted">messages and statuses are kept regardless</span>
        </form>
      </div>
      {saved ? (
        <p className="banner banner--ok" role="status">
          {saved}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  )
}
