import { useState } from 'react'
import type { AppError } from '@shared/contract'
import { ErrorMessage } from '../../components'
import { useProfiles } from '../../stores'

export function ProfileList({ onImport }: { onImport: () => void }) {
  const profiles = useProfiles((s) => s.profiles)
  const selectedId = useProfiles((s) => s.selectedId)
  const select = useProfiles((s) => s.select)
  const create = useProfiles((s) => s.create)
  const [name, setName] = useState('')
  const [error, setError] = useState<AppError | null>(null)

  return (
    <aside className="profile-list" aria-label="Profiles">
      <ul role="listbox" aria-label="Profiles">
        {profiles.map((profile) => (
          <li key={profile.id}>
            <button
              type="button"
              role="option"
              aria-selected={profile.id === selectedId}
              className="profile-list__item"
              onClick={() => select(profile.id)}
            >
              <span>{profile.name}</span>
              {profile.active ? <span className="badge badge--ok">active</span> : null}
              {profile.kind === 'sandbox' ? <span className="badge">sandbox</span> : null}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault()
          if (!name.trim()) return
          void create(name.trim()).then((failure) => {
            setError(failure)
            if (!failure) setName('')
          })
        }}
      >
        <input className="input" placeholder="New profile name" aria-label="New profile name" value={name} onChange={(event) => setName(event.target.value)} />
        <button type="submit" className="button button--small" disabled={!name.trim()}>
          Create
        </button>
      </form>
      {error ? <ErrorMessage error={error} /> : null}
      <button type="button" className="button button--small" onClick={onImport}>
        Import .env…
      </button>
    </aside>
  )
}
