import { useState } from 'react'
import type { AppError, CallResult } from '@shared/contract'
import { api } from '../../api'
import { ErrorMessage } from '../../components'

type Exported = CallResult<'inbox.export'> & { format: string }

/** Writes every message of the active profile to a file in the data directory and says where. */
export function ExportButtons() {
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<Exported | null>(null)
  const [error, setError] = useState<AppError | null>(null)

  const run = async (format: 'jsonl' | 'csv') => {
    setBusy(true)
    setError(null)
    setDone(null)
    const result = await api().inbox.export({ format })
    setBusy(false)
    if (result.ok) setDone({ ...result.value, format })
    else setError(result.error)
  }

  return (
    <div className="export">
      <div className="export__buttons" role="group" aria-label="Export messages">
        <button type="button" className="button button--small" disabled={busy} onClick={() => void run('jsonl')}>
          Export JSON Lines
        </button>
        <button type="button" className="button button--small" disabled={busy} onClick={() => void run('csv')}>
          Export CSV
        </button>
      </div>
      {busy ? (
        <span className="muted" role="status">
          Exporting…
        </span>
      ) : null}
      {done ? (
        <div className="banner banner--ok export__result" role="status">
          Exported {done.count} message{done.count === 1 ? '' : 's'} to <code className="export__path">{done.path}</code>
          <button type="button" className="button button--ghost" aria-label="Dismiss" onClick={() => setDone(null)}>
            ×
          </button>
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  )
}
