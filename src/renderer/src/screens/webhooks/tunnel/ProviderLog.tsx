import { useState } from 'react'

/** The provider's last log lines (secrets masked by the core), folded away until asked for. */
export function ProviderLog({ lines }: { lines: readonly string[] }) {
  const [open, setOpen] = useState(false)
  return (
    <details className="tunnel-log" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        Provider log <span className="muted">({lines.length === 0 ? 'empty' : `last ${lines.length} line${lines.length === 1 ? '' : 's'}`})</span>
      </summary>
      {open ? (
        lines.length > 0 ? (
          <pre className="tunnel-log__lines" tabIndex={0} aria-label="Provider log lines">
            {lines.join('\n')}
          </pre>
        ) : (
          <p className="muted">Nothing logged yet.</p>
        )
      ) : null}
    </details>
  )
}
