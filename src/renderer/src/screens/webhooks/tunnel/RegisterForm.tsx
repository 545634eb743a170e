import { useState, type FormEvent } from 'react'
import { APP_CALLBACK_WARNING, registrationModeLabels, registrationModes, type RegistrationMode, type TunnelStatus } from '@shared/contract'
import { ErrorMessage } from '../../../components'
import { useAppInfo, useProfiles, useTunnel } from '../../../stores'
import { RegistrationSteps } from './RegistrationSteps'

/**
 * "Register with Meta": where Meta should deliver (this number's override by default; the WABA's
 * override; the app-wide callback only after saying it replaces production), then Meta's answer to
 * each call, or the Graph error and what to do about it.
 */
export function RegisterForm({ status }: { status: TunnelStatus }) {
  const register = useTunnel((s) => s.register)
  const registering = useTunnel((s) => s.busy.register === true)
  const error = useTunnel((s) => s.errors.register ?? null)
  const activeId = useProfiles((s) => s.activeId)
  const result = useTunnel((s) => (s.registration?.record.profileId === activeId ? s.registration : null))
  const sandbox = useAppInfo((s) => s.info?.sandbox === true)
  const [mode, setMode] = useState<RegistrationMode>('phone_number')
  const [replaceConfirmed, setReplaceConfirmed] = useState(false)

  const online = status.state === 'online'
  const blocked = !online || registering || (mode === 'app' && !replaceConfirmed)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (blocked) return
    void register(mode, mode === 'app' && replaceConfirmed)
  }

  return (
    <section className="tunnel-register" aria-label="Register with Meta">
      <h3>Register with Meta</h3>
      <form onSubmit={onSubmit}>
        <fieldset className="tunnel-register__modes">
          <legend className="visually-hidden">Where Meta delivers</legend>
          {registrationModes.map((value) => (
            <label key={value} className="radio-row">
              <input
                type="radio"
                name="registration-mode"
                value={value}
                checked={mode === value}
                onChange={() => {
                  setMode(value)
                  setReplaceConfirmed(false)
                }}
              />
              <span>
                {registrationModeLabels[value]}
                {value === 'phone_number' ? <span className="badge badge--ok">recommended</span> : null}
              </span>
            </label>
          ))}
        </fieldset>
        {mode === 'app' ? (
          <div className="banner banner--warning" role="alert">
            <p className="tunnel-register__warning">{APP_CALLBACK_WARNING}</p>
            <label className="radio-row">
              <input type="checkbox" checked={replaceConfirmed} onChange={(event) => setReplaceConfirmed(event.target.checked)} />
              Replace the production callback URL of the app
            </label>
          </div>
        ) : null}
        <div className="inline-form">
          <button type="submit" className="button button--primary" disabled={blocked}>
            {registering ? 'Registering…' : 'Register with Meta'}
          </button>
          {registering ? (
            <span className="muted" role="status">
              {sandbox ? 'The sandbox' : 'Meta'} calls the callback URL to verify it…
            </span>
          ) : !online ? (
            <span className="muted">Start the tunnel first: Meta needs its public URL.</span>
          ) : null}
        </div>
      </form>
      {error ? <ErrorMessage error={error} /> : null}
      {result ? <RegistrationSteps result={result} sandbox={sandbox} /> : null}
    </section>
  )
}
