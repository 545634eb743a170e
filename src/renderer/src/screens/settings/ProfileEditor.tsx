import { useState, type FormEvent } from 'react'
import type { AppError, FieldWarning, ProfileView, SecretName } from '@shared/contract'
import { ErrorMessage, Field } from '../../components'
import { useProfiles } from '../../stores'
import { changesFrom, draftErrors, draftFrom, draftWarnings, hasChanges, type ProfileDraft } from './draft'
import { ConnectionTestPanel } from './ConnectionTestPanel'
import { ProfileHeader } from './ProfileHeader'
import { SecretInput } from './SecretInput'

const secretLabels: Record<SecretName, string> = {
  appSecret: 'App secret',
  accessToken: 'Access token',
  verifyToken: 'Verify token',
  adminToken: 'System-user admin token',
  ngrokAuthtoken: 'ngrok authtoken',
}

const secretHints: Record<SecretName, string> = {
  appSecret: 'App settings → Basic → App secret. Signs webhooks and app tokens.',
  accessToken: 'A system-user token from Business Settings (it expires in 60 days or never); the API Setup token lasts about 24 hours.',
  verifyToken: 'Any string you choose; Meta sends it back when it verifies your webhook.',
  adminToken: 'Optional: lets Switchboard mint a new token for the system user when the old one is dead.',
  ngrokAuthtoken: 'Only for the ngrok tunnel (dashboard.ngrok.com → Your Authtoken).',
}

/** The form of one profile; mount it with `key={view.id}` so another profile starts a fresh draft. */
export function ProfileEditor({ view }: { view: ProfileView }) {
  const save = useProfiles((s) => s.save)
  const [draft, setDraft] = useState<ProfileDraft>(() => draftFrom(view))
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const [saved, setSaved] = useState<FieldWarning[] | null>(null)
  const [base, setBase] = useState(view)

  // The stored profile changed underneath (another window, an import, the CLI): follow it unless
  // the operator has unsaved edits, which are kept.
  if (view !== base) {
    setBase(view)
    if (!hasChanges(changesFrom(base, draft))) setDraft(draftFrom(view))
  }

  const errors = draftErrors(draft)
  const warnings = draftWarnings(draft)
  const changes = changesFrom(view, draft)
  const dirty = hasChanges(changes)
  const blocked = Object.values(errors).some(Boolean)

  const submit = async (event?: FormEvent) => {
    event?.preventDefault()
    if (!dirty || blocked || saving) return
    setSaving(true)
    setError(null)
    setSaved(null)
    const result = await save(changes)
    setSaving(false)
    if (result.error) return setError(result.error)
    setSaved(result.warnings)
    if (result.view) setDraft(draftFrom(result.view))
  }

  const text = (key: 'appId' | 'phoneNumberId' | 'wabaId' | 'systemUserId' | 'graphVersion', label: string, hint: string) => (
    <Field label={label} error={errors[key] ?? error?.fields?.[`settings.${key}`] ?? error?.fields?.[`secrets.${key}`]} hint={hint}>
      {(id, describedBy) => (
        <input
          id={id}
          className="input input--mono"
          value={draft[key]}
          inputMode={key === 'graphVersion' ? 'text' : 'numeric'}
          spellCheck={false}
          aria-describedby={describedBy}
          onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
        />
      )}
    </Field>
  )

  const secret = (name: SecretName) => (
    <Field label={secretLabels[name]} error={errors[name] ?? error?.fields?.[`secrets.${name}`]} warning={warnings[name]} hint={secretHints[name]}>
      {(id, describedBy) => (
        <SecretInput
          id={id}
          describedBy={describedBy}
          label={secretLabels[name]}
          stored={view.secrets[name]}
          value={draft.secrets[name]}
          onChange={(value) => setDraft({ ...draft, secrets: { ...draft.secrets, [name]: value } })}
        />
      )}
    </Field>
  )

  return (
    <section className="profile-editor" aria-label={`Profile ${view.name}`}>
      <ProfileHeader view={view} />
      {view.keychainProblem ? (
        <div className="banner banner--warning" role="status">
          {view.keychainProblem.message}: stored secrets cannot be shown or changed. {view.keychainProblem.fix}
        </div>
      ) : null}
      <ConnectionTestPanel profileId={view.id} hasToken={view.secrets.accessToken.state === 'set'} />
      <form
        className="form"
        onSubmit={(event) => void submit(event)}
        onKeyDown={(event) => {
          if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
            event.preventDefault()
            void submit()
          }
        }}
      >
        <fieldset>
          <legend>App</legend>
          {text('appId', 'App ID', 'App Dashboard → the number under the app name.')}
          {secret('appSecret')}
        </fieldset>
        <fieldset>
          <legend>WhatsApp</legend>
          {text('phoneNumberId', 'Phone number ID', 'WhatsApp → API Setup → Phone number ID (not the phone number itself).')}
          {text('wabaId', 'WABA ID', 'WhatsApp → API Setup → WhatsApp Business Account ID.')}
          {text('graphVersion', 'Graph API version', 'Default v25.0.')}
        </fieldset>
        <fieldset>
          <legend>Access</legend>
          {secret('accessToken')}
          {text('systemUserId', 'System user ID', 'Business Settings → Users → System users → the ID of the user that owns the token.')}
          {secret('adminToken')}
          <Field label="appsecret_proof" hint="Send an HMAC of the token with every call (required when the app enforces it).">
            {(id, describedBy) => (
              <input
                id={id}
                type="checkbox"
                checked={draft.appSecretProof}
                aria-describedby={describedBy}
                onChange={(event) => setDraft({ ...draft, appSecretProof: event.target.checked })}
              />
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>Webhook</legend>
          {secret('verifyToken')}
          {secret('ngrokAuthtoken')}
        </fieldset>
        {view.envTargets.length > 0 ? (
          <fieldset>
            <legend>.env sync</legend>
            <ul className="plain-list">
              {view.envTargets.map((target) => (
                <li key={target.path}>
                  <code>{target.path}</code> — refreshed tokens are written to <code>{target.variable}</code>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
        {error ? <ErrorMessage error={error} /> : null}
        {saved ? (
          <div className="banner banner--ok" role="status">
            Saved{saved.length ? ` with ${saved.length} warning${saved.length > 1 ? 's' : ''}: ${saved.map((w) => w.message).join('; ')}` : '.'}
          </div>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={!dirty || blocked || saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button" disabled={!dirty || saving} onClick={() => setDraft(draftFrom(view))}>
            Discard changes
          </button>
          <span className="form__hint">{dirty ? 'Unsaved changes · Ctrl+S saves' : 'Secrets are kept in the OS keychain only.'}</span>
        </div>
      </form>
    </section>
  )
}
