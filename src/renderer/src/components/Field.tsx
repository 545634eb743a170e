import { useId, type ReactNode } from 'react'

interface FieldProps {
  label: string
  /** Blocking problem: shown in red, the form will not save. */
  error?: string | null | undefined
  /** Non-blocking remark: shown in amber. */
  warning?: string | null | undefined
  hint?: ReactNode
  children: (id: string, describedBy: string | undefined) => ReactNode
}

/** A labelled form row with its hint, warning or error tied to the input for screen readers. */
export function Field({ label, error, warning, hint, children }: FieldProps) {
  const id = useId()
  const noteId = `${id}-note`
  const note = error ?? warning ?? null
  return (
    <div className={`field${error ? ' field--error' : warning ? ' field--warning' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="field__control">
        {children(id, note || hint ? noteId : undefined)}
        {note ? (
          <div id={noteId} className="field__note" role={error ? 'alert' : undefined}>
            {note}
          </div>
        ) : hint ? (
          <div id={noteId} className="field__hint">
            {hint}
          </div>
        ) : null}
      </div>
    </div>
  )
}
