import { errorLines } from './payload-fields'

/** Meta's `errors` array as readable lines: code, title and details. */
export function ErrorLines({ errors, label }: { errors: unknown; label: string }) {
  const lines = errorLines(errors)
  if (lines.length === 0) return null
  return (
    <ul className="error-lines" aria-label={label}>
      {lines.map((line, index) => (
        <li key={index}>
          {line.code ? <code className="error-lines__code">{line.code}</code> : null} <strong>{line.title}</strong>
          {line.details ? <span> — {line.details}</span> : null}
        </li>
      ))}
    </ul>
  )
}
