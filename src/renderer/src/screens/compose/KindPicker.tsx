import { useRef, type KeyboardEvent } from 'react'
import { kindLabels, type Kind } from './message-form'

/** The message kinds as one radio group: arrow keys move between them, as in any radio group. */
export function KindPicker({ kinds, value, onChange }: { kinds: readonly Kind[]; value: Kind; onChange: (kind: Kind) => void }) {
  const group = useRef<HTMLDivElement>(null)
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0
    if (step === 0) return
    event.preventDefault()
    const next = kinds[(kinds.indexOf(value) + step + kinds.length) % kinds.length]
    if (!next) return
    onChange(next)
    group.current?.querySelector<HTMLButtonElement>(`[data-kind="${next}"]`)?.focus()
  }
  return (
    <div ref={group} role="radiogroup" aria-label="Message kind" className="composer__kinds" onKeyDown={onKeyDown}>
      {kinds.map((kind) => (
        <button
          key={kind}
          type="button"
          role="radio"
          data-kind={kind}
          aria-checked={kind === value}
          tabIndex={kind === value ? 0 : -1}
          className="composer__kind"
          onClick={() => onChange(kind)}
        >
          {kindLabels[kind]}
        </button>
      ))}
    </div>
  )
}
