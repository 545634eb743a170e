import { useEffect, useRef, useState } from 'react'
import type { AppError, EnvPreview } from '@shared/contract'
import { api } from '../../api'
import { ErrorMessage } from '../../components'
import { useProfiles } from '../../stores'

type Target = { kind: 'new'; name: string } | { kind: 'existing'; id: string }

/**
 * Import from an existing .env: read it (by path on this machine, or a chosen file), show what was
 * recognised (secrets masked) and what was not, and save only when the operator confirms.
 */
export function EnvImportDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const profiles = useProfiles((s) => s.profiles)
  const selectedId = useProfiles((s) => s.selectedId)
  const [path, setPath] = useState('')
  const [preview, setPreview] = useState<EnvPreview | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [busy, setBusy] = useState(false)
  const [target, setTarget] = useState<Target>(selectedId ? { kind: 'existing', id: selectedId } : { kind: 'new', name: 'default' })
  const [remember, setRemember] = useState(true)

  useEffect(() => {
    const element = dialog.current
    element?.showModal()
    return () => element?.close()
  }, [])

  const read = async (source: { path: string } | { content: string; fileName: string }) => {
    setBusy(true)
    setError(null)
    const result = await api().envImport.preview(source)
    setBusy(false)
    if (result.ok) setPreview(result.value)
    else {
      setPreview(null)
      setError(result.error)
    }
  }

  const apply = async () => {
    if (!preview) return
    setBusy(true)
    const result = await api().envImport.apply({
      previewId: preview.previewId,
      target: target.kind === 'new' ? { newProfileName: target.name.trim() } : { profileId: target.id },
      rememberAsSyncTarget: remember && preview.source.path !== null && preview.tokenVariable !== null,
    })
    setBusy(false)
    if (!result.ok) return setError(result.error)
    useProfiles.getState().put(result.value)
    useProfiles.getState().select(result.value.id)
    void useProfiles.getState().load()
    onClose()
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="env-import-title" onClose={onClose}>
      <h2 id="env-import-title">Import from .env</h2>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault()
          if (path.trim()) void read({ path: path.trim() })
        }}
      >
        <input
          className="input input--mono input--wide"
          aria-label="Path to .env file"
          placeholder="/path/to/your-bot/.env"
          value={path}
          onChange={(event) => setPath(event.target.value)}
        />
        <button type="submit" className="button" disabled={!path.trim() || busy}>
          {busy ? 'Reading…' : 'Read file'}
        </button>
        <label className="button">
          Choose file…
          <input
            type="file"
            className="visually-hidden"
            accept=".env,.txt,text/plain"
            onChange={(event) => {
              const file = event.target.files?.[0]
              if (file) void file.text().then((content) => read({ content, fileName: file.name }))
            }}
          />
        </label>
      </form>
      <p className="muted">
        A path on this machine lets Switchboard write refreshed tokens back to the file; a chosen file is read once.
      </p>
      {error ? <ErrorMessage error={error} /> : null}
      {preview ? (
        <div className="env-preview" aria-label="Import preview">
          <table className="table">
            <caption>Recognised in {preview.source.path ?? preview.source.fileName}</caption>
            <thead>
              <tr>
                <th scope="col">Setting</th>
                <th scope="col">Value</th>
                <th scope="col">Variable</th>
              </tr>
            </thead>
            <tbody>
              {preview.recognised.map((item) => (
                <tr key={item.variable}>
                  <td>{item.label}</td>
                  <td>
                    <code>{item.shown}</code>
                  </td>
                  <td>
                    <code>{item.variable}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.unrecognised.length ? (
            <p className="muted">
              Not recognised, left alone: <code>{preview.unrecognised.join(', ')}</code>
            </p>
          ) : null}
          {preview.problems.map((problem) => (
            <p key={problem} className="banner banner--warning">
              {problem}
            </p>
          ))}
          {preview.warnings.map((warning) => (
            <p key={warning.message} className="banner banner--warning">
              {warning.message}
            </p>
          ))}
          {preview.recognised.length ? (
            <fieldset className="env-preview__target">
              <legend>Import into</legend>
              <div className="radio-row">
                <label>
                  <input type="radio" name="target" checked={target.kind === 'new'} onChange={() => setTarget({ kind: 'new', name: 'default' })} /> A new
                  profile
                </label>
                <input
                  className="input"
                  aria-label="New profile name"
                  value={target.kind === 'new' ? target.name : ''}
                  disabled={target.kind !== 'new'}
                  onChange={(event) => setTarget({ kind: 'new', name: event.target.value })}
                />
              </div>
              {profiles.length ? (
                <div className="radio-row">
                  <label>
                    <input
                      type="radio"
                      name="target"
                      checked={target.kind === 'existing'}
                      onChange={() => setTarget({ kind: 'existing', id: selectedId ?? profiles[0]!.id })}
                    />{' '}
                    An existing profile
                  </label>
                  <select
                    className="input"
                    aria-label="Existing profile"
                    value={target.kind === 'existing' ? target.id : ''}
                    disabled={target.kind !== 'existing'}
                    onChange={(event) => setTarget({ kind: 'existing', id: event.target.value })}
                  >
                    {profiles.map((profile) => (
                      <option key={profile.id} value={profile.id}>
                        {profile.name}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              {preview.source.path && preview.tokenVariable ? (
                <label>
                  <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} /> Write refreshed tokens back
                  to <code>{preview.tokenVariable}</code> in this file
                </label>
              ) : null}
            </fieldset>
          ) : null}
        </div>
      ) : null}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={!preview || preview.recognised.length === 0 || busy || (target.kind === 'new' && !target.name.trim())}
          onClick={() => void apply()}
        >
          {busy && preview ? 'Importing…' : 'Import'}
        </button>
      </div>
    </dialog>
  )
}
