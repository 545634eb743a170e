import type { MessageView } from '@shared/contract'
import { Field } from '../../components'
import type { MessageForm } from './message-form'
import { MessagePicker } from './MessagePicker'

export const QUICK_EMOJI = ['👍', '❤️', '😂', '😮', '😢', '🙏'] as const

interface ReactionFieldsProps {
  form: MessageForm
  onChange: (patch: Partial<MessageForm>) => void
  problems: Record<string, string>
  messages: MessageView[]
}

/** A reaction: which message, and the emoji (none removes your earlier reaction). */
export function ReactionFields({ form, onChange, problems, messages }: ReactionFieldsProps) {
  return (
    <>
      <MessagePicker label="React to" messages={messages} value={form.reactTo} onChange={(reactTo) => onChange({ reactTo })} none={null} error={problems.reactTo} />
      <Field label="Emoji" error={problems.emoji} hint="One emoji; the customer sees it on the message.">
        {(id, describedBy) => (
          <div className="composer__emoji">
            <input
              id={id}
              className="input composer__emoji-input"
              value={form.removeReaction ? '' : form.emoji}
              disabled={form.removeReaction}
              aria-describedby={describedBy}
              onChange={(event) => onChange({ emoji: event.target.value })}
            />
            {QUICK_EMOJI.map((emoji) => (
              <button
                key={emoji}
                type="button"
                className="button button--small"
                aria-pressed={!form.removeReaction && form.emoji === emoji}
                disabled={form.removeReaction}
                onClick={() => onChange({ emoji })}
              >
                {emoji}
              </button>
            ))}
          </div>
        )}
      </Field>
      <label className="composer__check">
        <input type="checkbox" checked={form.removeReaction} onChange={(event) => onChange({ removeReaction: event.target.checked })} /> Remove my reaction
        from this message instead
      </label>
    </>
  )
}
