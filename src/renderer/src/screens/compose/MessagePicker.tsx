import type { MessageView } from '@shared/contract'
import { Field } from '../../components'
import { messageLabel } from './message-label'

interface MessagePickerProps {
  label: string
  messages: MessageView[]
  value: string
  onChange: (wamid: string) => void
  /** The choice for "none" (optional pickers), or null when a message must be chosen. */
  none: string | null
  error?: string | undefined
  hint?: string
}

/** A message of the recipient's conversation (newest first), by its wamid. */
export function MessagePicker({ label, messages, value, onChange, none, error, hint }: MessagePickerProps) {
  const known = value === '' || messages.some((m) => m.wamid === value)
  return (
    <Field label={label} error={error} hint={hint}>
      {(id, describedBy) => (
        <select id={id} className="input composer__select" value={value} aria-describedby={describedBy} onChange={(event) => onChange(event.target.value)}>
          <option value="">{none ?? (messages.length ? 'Choose a message' : 'No messages in this conversation yet')}</option>
          {!known ? <option value={value}>{value}</option> : null}
          {messages.map((m) => (
            <option key={m.wamid} value={m.wamid}>
              {messageLabel(m)}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
