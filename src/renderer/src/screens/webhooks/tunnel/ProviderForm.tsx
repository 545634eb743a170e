import { useState, type FormEvent } from 'react'
import { tunnelProviders, type TunnelProviderKind, type TunnelStatus } from '@shared/contract'
import { ErrorMessage } from '../../../components'
import { useProfiles, useTunnel, useWebhook } from '../../../stores'
import { providerLabels } from './labels'

interface Choice {
  provider: TunnelProviderKind
  url: string
  domain: string
}

const providerHints: Record<TunnelProviderKind, string> = {
  cloudflared: 'Runs cloudflared for a random https://….trycloudflare.com address; no account needed. cloudflared must be installed.',
  ngrok: "Through ngrok's library with the profile's ngrok authtoken (Settings) or NGROK_AUTHTOKEN; a reserved domain is optional.",
  manual: 'Your own public https address (a reverse proxy, your own tunnel) that forwards to this listener. Switchboard only checks it.',
}

/**
 * The provider picker with Start and Stop. Preselects the profile's last choice; Start replaces a
 * running tunnel, Stop first puts back what was registered at Meta.
 */
export function ProviderForm({ status }: { status: TunnelStatus }) {
  const start = useTunnel((s) => s.start)
  const stop = useTunnel((s) => s.stop)
  const starting = useTunnel((s) => s.busy.start === true)
  const stopping = useTunnel((s) => s.busy.stop === true)
  const error = useTunnel((s) => s.errors.start ?? s.errors.stop ?? null)
  const listenerUrl = useWebhook((s) => s.listener?.url ?? null)
  const activeId = useProfiles((s) => s.activeId)
  const [edited, setEdited] = useState<{ profileId: string | null; choice: Choice } | null>(null)

  // What the operator typed stays while status updates come in; another profile starts from its own last choice.
  const ownEdit = edited && (edited.profileId === activeId || edited.profileId === null) ? edited.choice : null
  const { provider, url, domain } = ownEdit ?? {
    provider: status.provider ?? status.saved?.provider ?? 'cloudflared',
    url: status.saved?.url ?? '',
    domain: status.saved?.domain ?? '',
  }
  const edit = (change: Partial<Choice>) => setEdited({ profileId: activeId, choice: { provider, url, domain, ...change } })

  const running = status.state !== 'off'
  const urlMissing = provider === 'manual' && url.trim() === ''
  const urlError = provider === 'manual' ? (error?.fields?.url ?? null) : null
  const domainError = provider === 'ngrok' ? (error?.fields?.domain ?? null) : null

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (urlMissing || starting) return
    const trimmedDomain = domain.trim()
    void start(
      provider === 'manual'
        ? { provider, url: url.trim() }
        : provider === 'ngrok' && trimmedDomain !== ''
          ? { provider, domain: trimmedDomain }
          : { provider },
    )
  }

  return (
    <form className="tunnel-form" onSubmit={onSubmit} aria-label="Tunnel provider">
      <div role="radiogroup" aria-label="Provider" className="tunnel-form__providers">
        {tunnelProviders.map((kind) => (
          <label key={kind} className="radio-row">
            <input type="radio" name="tunnel-provider" value={kind} checked={provider === kind} onChange={() => edit({ provider: kind })} />
            {providerLabels[kind]}
          </label>
        ))}
      </div>
      <p className="muted tunnel-form__hint">{providerHints[provider]}</p>
      {provider === 'manual' ? (
        <TextField
          id="tunnel-url"
          label="Public URL"
          placeholder="https://hooks.example.com"
          inputMode="url"
          value={url}
          error={urlError}
          note={`Without /webhook (it is appended). It must lead to ${listenerUrl ?? "this machine's listener"}.`}
          onChange={(value) => edit({ url: value })}
        />
      ) : null}
      {provider === 'ngrok' ? (
        <TextField
          id="tunnel-domain"
          label="Reserved domain (optional)"
          placeholder="example.ngrok.app"
          value={domain}
          error={domainError}
          note="Empty: ngrok picks an address."
          onChange={(value) => edit({ domain: value })}
        />
      ) : null}
      <div className="inline-form">
        <button type="submit" className="button button--primary" disabled={starting || urlMissing}>
          {starting ? 'Starting…' : running ? 'Restart' : 'Start'}
        </button>
        <button
          type="button"
          className="button"
          disabled={stopping || (!running && !starting)}
          title={status.registrations.some((r) => r.ownedHere) ? 'Puts back what was registered at Meta, then stops the tunnel' : undefined}
          onClick={() => void stop()}
        >
          {stopping ? 'Stopping…' : 'Stop'}
        </button>
        {starting ? (
          <span className="muted" role="status">
            {provider === 'manual' ? "Checking the URL with Meta's verification request…" : `Waiting for ${providerLabels[provider]} to come online…`}
          </span>
        ) : null}
        {stopping && status.registrations.some((r) => r.ownedHere) ? (
          <span className="muted" role="status">
            Putting back what was registered at Meta…
          </span>
        ) : null}
      </div>
      {error && urlError === null && domainError === null ? <ErrorMessage error={error} /> : null}
    </form>
  )
}

/** One text input of the form with its note below, which turns into the error when there is one. */
function TextField(props: { id: string; label: string; placeholder: string; inputMode?: 'url'; value: string; error: string | null; note: string; onChange: (value: string) => void }) {
  const noteId = `${props.id}-note`
  return (
    <div className="tunnel-form__field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        className="input input--mono input--wide"
        {...(props.inputMode ? { inputMode: props.inputMode } : {})}
        placeholder={props.placeholder}
        value={props.value}
        aria-invalid={props.error !== null}
        aria-describedby={noteId}
        onChange={(event) => props.onChange(event.target.value)}
      />
      <div id={noteId} className={props.error ? 'danger-text' : 'muted'} role={props.error ? 'alert' : undefined}>
        {props.error ?? props.note}
      </div>
    </div>
  )
}
