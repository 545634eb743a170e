import { useState } from 'react'
import type { AppError, ProfileView } from '@shared/contract'
import { ErrorMessage } from '../../components'
import { useProfiles } from '../../stores'

/** Name, rename, make active, delete (with an inline confirmation). */
export function ProfileHeader({ view }: { view: ProfileView }) {
  const { rename, remove, activate } = useProfiles.getState()
  const [name, setName] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  const finishRename = async () => {
    if (name === null || name.trim() === view.name) return setName(null)
    const failure = await rename(view.id, name.trim())
    setError(failure)
    if (!failure) setName(null)
  }

  return (
    <header className="profile-header">
      {name === null ? (
        <h2>
          {view.name}
          {view.kind === 'sandbox' ? <span className="badge">sandbox</span> : null}
          {view.active ? <span className="badge badge--ok">active</span> : null}
        </h2>
      ) : (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault()
            void finishRename()
          }}
        >
          <input className="input" aria-label="Profile name" value={name} autoFocus onChange={(event) => setName(event.target.value)} />
          <button type="submit" className="button button--small button--primary">
            Rename
          </button>
          <button type="button" className="button button--small button--ghost" onClick={() => setName(null)}>
            Cancel
          </button>
        </form>
      )}
      <div className="profile-header__tools">
        {!view.active ? (
          <button type="button" className="button button--small" onClick={() => void activate(view.id).then(setError)}>
            Make active
          </button>
        ) : null}
        {name === null ? (
          <button type="button" className="button button--small" onClick={() => setName(view.name)}>
            Rename
          </button>
        ) : null}
        {confirming ? (
          <span className="confirm" role="group" aria-label="Confirm deletion">
            Delete {view.name} and its keychain entries?
            <button type="button" className="button button--small button--danger" onClick={() => void remove(view.id).then(setError)}>
              Delete
            </button>
            <button type="button" className="button button--small button--ghost" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" className="button button--small button--ghost" onClick={() => setConfirming(true)}>
            Delete…
          </button>
        )}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
    </header>
  )
}
