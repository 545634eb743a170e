import { useCallback, useEffect, useRef, useState } from 'react'
import { useComposer } from '../../stores'
import '../../styles/compose.css'
import { ComposerForm } from './ComposerForm'
import { afterSend, emptyForm, type Kind, type MessageForm } from './message-form'
import { messageLabel } from './message-label'

const THREAD_KINDS: readonly Kind[] = ['text', 'template', 'image', 'video', 'audio', 'document', 'sticker', 'buttons', 'list', 'cta_url', 'contacts', 'location']
const REACTING_KINDS: readonly Kind[] = [...THREAD_KINDS, 'reaction']

/**
 * The composer at the foot of a thread: the recipient is the conversation, the text is the
 * conversation's draft (kept as it is typed), and replies and reactions start from a message's
 * buttons or context menu.
 */
export function DockedComposer({ contact, to, name }: { contact: string; to: string; name: string }) {
  const draft = useComposer((s) => s.drafts[contact] ?? '')
  const action = useComposer((s) => s.actions[contact])
  const setDraft = useComposer((s) => s.setDraft)
  const cancelAction = useComposer((s) => s.cancelAction)
  const [local, setLocal] = useState<MessageForm>(emptyForm)
  const textRef = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    const composer = useComposer.getState()
    void composer.loadDraft(contact)
    return () => composer.flushDraft(contact)
  }, [contact])

  // Starting a reply puts the cursor in the text.
  useEffect(() => {
    if (action?.kind === 'reply') textRef.current?.focus()
  }, [action])

  const reacting = action?.kind === 'react' ? action.message : null
  const replying = action?.kind === 'reply' ? action.message : null
  const form: MessageForm = reacting
    ? { ...local, text: draft, kind: 'reaction', reactTo: reacting.wamid, replyTo: '' }
    : { ...local, text: draft, replyTo: replying?.wamid ?? '' }

  const onChange = useCallback(
    (patch: Partial<MessageForm>) => {
      const { text, kind, ...rest } = patch
      if (text !== undefined) setDraft(contact, text)
      if (kind !== undefined && kind !== 'reaction') {
        if (reacting) cancelAction(contact)
        setLocal((current) => ({ ...current, ...rest, kind }))
      } else if (Object.keys(rest).length > 0) {
        setLocal((current) => ({ ...current, ...rest }))
      }
    },
    [contact, reacting, setDraft, cancelAction],
  )

  const onSent = () => {
    setLocal(afterSend)
    // The form is enabled again on the next render; give the text the cursor back then.
    requestAnimationFrame(() => textRef.current?.focus())
  }

  const target = reacting ?? replying
  const context = target ? (
    <div className="composer__context" role="status">
      <span>
        {reacting ? 'Reacting to' : 'Replying to'} <span className="composer__quoted">{messageLabel(target)}</span>
      </span>
      <button type="button" className="button button--ghost" onClick={() => cancelAction(contact)}>
        {reacting ? 'Cancel reaction' : 'Cancel reply'}
      </button>
    </div>
  ) : null

  return (
    <div
      className="thread__composer"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && action) {
          event.stopPropagation()
          cancelAction(contact)
        }
      }}
    >
      <ComposerForm
        composerKey={contact}
        label={`Message to ${name}`}
        variant="dock"
        to={to}
        context={context}
        kinds={reacting ? REACTING_KINDS : THREAD_KINDS}
        form={form}
        onChange={onChange}
        onSent={onSent}
        {...(reacting ? { messages: [reacting] } : {})}
        textRef={textRef}
      />
    </div>
  )
}
