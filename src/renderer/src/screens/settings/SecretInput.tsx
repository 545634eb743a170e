import type { SecretView } from '@shared/contract'
import type { SecretDraft } from './draft'

interface SecretInputProps {
  id: string
  describedBy: string | undefined
  label: string
  stored: SecretView
  value: SecretDraft
  onChange: (value: SecretDraft) => void
}

/**
 * A write-only secret: the stored value is shown masked and can be replaced or removed, never
 * revealed (the renderer never receives it).
 */
export function SecretInput({ id, describedBy, label, stored, value, onChange }: SecretInputProps) {
  if (value === undefined) {
    const shown = stored.state === 'set' ? stored.masked : stored.state === 'unknown' ? 'unknown (keychain not readable)' : 'not set'
    return (
      <div className="secret">
        <code id={id} className={`secret__value secret__value--${stored.state}`} aria-describedby={describedBy}>
          {shown}
        </code>
        <button type="button" className="button button--small" onClick={() => onChange('')} aria-label={`${stored.state === 'set' ? 'Replace' : 'Set'} ${label}`}>
          {stored.state === 'set' ? 'Replace' : 'Set'}
        </button>
        {stored.state === 'set' ? (
          <button type="button" className="button button--small button--ghost" onClick={() => onChange(null)} aria-label={`Remove ${label}`}>
            Remove
          </button>
        ) : null}
      </div>
    )
  }
  if (value === null) {
    return (
      <div className="secret">
        <span className="secret__removed">Will be removed on save</span>
        <button type="button" className="button button--small button--ghost" onClick={() => onChange(undefined)}>
          Undo
        </button>
      </div>
    )
  }
  return (
    <div className="secret">
      <input
        id={id}
        className="input input--mono"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={value}
        aria-describedby={describedBy}
        placeholder={`Paste the ${label.toLowerCase()}`}
        autoFocus
        onChange={(event) => onChange(event.target.value)}
      />
      <button type="button" className="button button--small button--ghost" onClick={() => onChange(undefined)}>
        Cancel
      </button>
    </div>
  )
}
