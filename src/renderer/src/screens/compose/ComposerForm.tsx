import { useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode, type Ref } from 'react'
import type { MessageView } from '@shared/contract'
import { api } from '../../api'
import { useNow } from '../../components'
import { useComposer } from '../../stores'
import { ContactFields } from './ContactFields'
import { InteractiveFields } from './InteractiveFields'
import { KindPicker } from './KindPicker'
import { LocationFields } from './LocationFields'
import { MediaFields } from './MediaFields'
import { buildMessage, isFreeForm, type Kind, type MessageForm } from './message-form'
import { MessagePicker } from './MessagePicker'
import { ReactionFields } from './ReactionFields'
import { SendBlockBanner } from './SendBlockBanner'
import { SendOutcome } from './SendOutcome'
import { templateForm, templateKey } from './template-form'
import { TemplateFields } from './TemplateFields'
import { TemplatePreview } from './TemplatePreview'
import { TextFields } from './TextFields'
import { useRecipientCheck } from './use-recipient-check'
import { useSendBlock } from './use-send-block'
import { WindowNotice } from './WindowNotice'
import { windowOpen } from './window-state'

const isMac = navigator.platform.toLowerCase().includes('mac')
export const SEND_SHORTCUT = isMac ? '⌘↵' : 'Ctrl+Enter'

export interface ComposerFormProps {
  /** Whose send state this is: the Compose screen's, or a conversation's (its key). */
  composerKey: string
  label: string
  variant: 'screen' | 'dock'
  /** The recipient as typed (the Compose screen) or fixed (the conversation's number or BSUID in a thread). */
  to: string
  /** The recipient field, shown first and disabled with the rest while a send is in flight. */
  recipient?: ReactNode
  /** Above the fields: what is being replied to. */
  context?: ReactNode
  kinds: readonly Kind[]
  form: MessageForm
  onChange: (patch: Partial<MessageForm>) => void
  /** Meta accepted the message: clear what was sent. */
  onSent: () => void
  /** The conversation's latest messages, for the reply and reaction pickers (the Compose screen). */
  messages?: MessageView[]
  textRef?: Ref<HTMLTextAreaElement>
  onOpenConversation?: (contact: string) => void
}

/**
 * One composer, docked in a thread or on the Compose screen: the message kinds, the 24-hour
 * window, validation before anything is sent, a single send at a time, and what became of it.
 */
export function ComposerForm(props: ComposerFormProps) {
  const { composerKey, form, onChange, variant } = props
  const hintId = useId()
  const now = useNow()
  const { recipient, address, check, error: checkError } = useRecipientCheck(props.to)
  const templates = useComposer((s) => s.templates)
  const busy = useComposer((s) => s.busy[composerKey] === true)
  const send = useComposer((s) => s.send)
  const block = useSendBlock()
  // "Send anyway" outside the window holds only for the recipient and kind it was ticked for.
  const [anywayFor, setAnywayFor] = useState<string | null>(null)

  const selected = useMemo(() => {
    const view = form.kind === 'template' ? templates?.find((t) => templateKey(t) === form.template) : undefined
    return view ? { view, form: templateForm(view) } : null
  }, [form.kind, form.template, templates])
  const built = buildMessage(form, selected)

  const anywayKey = address ? `${address}|${form.kind}` : null
  const sendAnyway = anywayKey !== null && anywayFor === anywayKey
  const needsTemplate = check !== null && !windowOpen(check, now) && isFreeForm(form.kind)
  const ready = address !== null && built.message !== null && !(needsTemplate && !sendAnyway) && !block?.blocking
  /** Between the click and the send: a second Ctrl+Enter must not send twice. */
  const submitting = useRef(false)

  const submit = async (event?: FormEvent) => {
    event?.preventDefault()
    if (busy || submitting.current || !ready || !address || !built.message) return
    submitting.current = true
    try {
      // Sent before the window check came back (a thread just opened): ask now, and steer the same way.
      let current = check
      if (!current) {
        const answer = await api().composer.check({ to: address })
        // A check that fails says nothing about the window: the send itself will report what is wrong.
        current = answer.ok ? answer.value : null
      }
      if (current && isFreeForm(form.kind) && !windowOpen(current, Date.now()) && !sendAnyway) return
      const sent = await send(composerKey, address, built.message, built.replyTo)
      if (sent) {
        setAnywayFor(null)
        props.onSent()
      }
    } finally {
      submitting.current = false
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter') return
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault()
      void submit()
    } else if (event.target instanceof HTMLInputElement && event.target.type !== 'checkbox') {
      // Enter in a one-line field must not send by accident: only Ctrl/⌘+Enter and the button send.
      event.preventDefault()
    }
  }

  const why = !recipient.ok
    ? 'To send, enter a valid recipient.'
    : built.missing.length
      ? `To send, fill in ${built.missing.join(', ')}.`
      : needsTemplate && !sendAnyway
        ? 'Outside the 24-hour window: choose a template, or tick “send anyway”.'
        : null

  const fields = ((): ReactNode => {
    switch (form.kind) {
      case 'text':
        return <TextFields form={form} onChange={onChange} problems={built.problems} {...(props.textRef ? { textRef: props.textRef } : {})} />
      case 'template':
        return <TemplateFields form={form} onChange={onChange} problems={built.problems} selected={selected} />
      case 'image':
      case 'video':
      case 'audio':
      case 'document':
      case 'sticker':
        return <MediaFields form={form} onChange={onChange} problems={built.problems} />
      case 'buttons':
      case 'list':
      case 'cta_url':
        return <InteractiveFields form={form} onChange={onChange} problems={built.problems} />
      case 'contacts':
        return <ContactFields form={form} onChange={onChange} />
      case 'location':
        return <LocationFields form={form} onChange={onChange} problems={built.problems} />
      case 'reaction':
        return <ReactionFields form={form} onChange={onChange} problems={built.problems} messages={props.messages ?? []} />
    }
  })()

  return (
    <form className={`composer composer--${variant}`} aria-label={props.label} aria-busy={busy} noValidate onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown}>
      {block ? <SendBlockBanner block={block} /> : null}
      <div className="composer__layout">
        <div className="composer__main">
          <fieldset className="composer__fields" disabled={busy || block?.blocking === true}>
            {props.recipient}
            {recipient.ok ? (
              <WindowNotice
                check={check}
                error={checkError}
                kind={form.kind}
                marketingTemplate={form.kind === 'template' && selected?.view.category === 'MARKETING'}
                sendAnyway={sendAnyway}
                onSendAnyway={(value) => setAnywayFor(value ? anywayKey : null)}
                onUseTemplate={() => onChange({ kind: 'template' })}
              />
            ) : null}
            {props.context}
            <KindPicker kinds={props.kinds} value={form.kind} onChange={(kind) => onChange({ kind })} />
            {fields}
            {props.messages && form.kind !== 'reaction' ? (
              <MessagePicker label="Reply to" messages={props.messages} value={form.replyTo} onChange={(replyTo) => onChange({ replyTo })} none="Not a reply" />
            ) : null}
          </fieldset>
          <div className="composer__actions">
            <button type="submit" className="button button--primary composer__send" disabled={!ready || busy} aria-describedby={hintId}>
              {busy ? 'Sending…' : form.kind === 'reaction' && form.removeReaction ? 'Remove reaction' : 'Send'}
            </button>
            <span id={hintId} className={busy ? 'composer__progress' : 'form__hint'} role={busy ? 'status' : undefined}>
              {busy ? (
                <>
                  <span className="spinner" aria-hidden="true" /> Sending to Meta… (the form is locked until it answers)
                </>
              ) : (
                (why ?? `${SEND_SHORTCUT} sends`)
              )}
            </span>
          </div>
          <SendOutcome composerKey={composerKey} {...(props.onOpenConversation ? { onOpenConversation: props.onOpenConversation } : {})} />
        </div>
        {selected && form.kind === 'template' ? (
          <div className="composer__aside">
            <TemplatePreview view={selected.view} form={selected.form} values={form.values} />
          </div>
        ) : null}
      </div>
    </form>
  )
}
