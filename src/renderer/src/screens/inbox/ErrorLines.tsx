import type { MessageError } from '@shared/contract'

/** Meta's errors as readable lines: code, title and details. */
export function ErrorLines({ errors, label }: { errors: readonly MessageError[]; label: string }) {
  if (errors.length === 0) return null
  return (
    <ul className="error-lines" aria-label={label}>
      {errors.map((error, index) => (
        <li key={index}>
          {error.code !== null ? <code className="error-lines__code">{error.code}</code> : null} <strong>{error.title}</strong>
          {error.details ? <span> — {error.details}</span> : null}
        </li>
      ))}
    </ul>
  )
}
