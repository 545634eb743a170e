import type { Ref } from 'react'
import { Field } from '../../components'
import type { MessageForm } from './message-form'

const MAX = 4096

interface TextFieldsProps {
  form: MessageForm
  onChange: (patch: Partial<MessageForm>) => void
  problems: Record<string, string>
  textRef?: Ref<HTMLTextAreaElement>
}

export function TextFields({ form, onChange, problems, textRef }: TextFieldsProps) {
  const left = MAX - form.text.length
  return (
    <>
      <Field label="Message" error={problems.text} hint={left < 500 ? `${left.toLocaleString()} characters left` : undefined}>
        {(id, describedBy) => (
          <textarea
            id={id}
            ref={textRef}
            className="input composer__text"
            rows={3}
            value={form.text}
            aria-describedby={describedBy}
            placeholder="Write a message"
            onChange={(event) => onChange({ text: event.target.value })}
          />
        )}
      </Field>
      <label className="composer__check">
        <input type="checkbox" checked={form.previewUrl} onChange={(event) => onChange({ previewUrl: event.target.checked })} /> Show a link preview (the
        first URL in the text)
      </label>
    </>
  )
}
