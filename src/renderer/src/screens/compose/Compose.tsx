import { useCallback, useState } from 'react'
import { checkRecipient } from '@shared/recipient'
import { ScreenHeader } from '../../components'
import { SCREEN_COMPOSER, useInbox, useNav } from '../../stores'
import '../../styles/compose.css'
import { ComposerForm } from './ComposerForm'
import { afterSend, emptyForm, kinds, type MessageForm } from './message-form'
import { RecipientField } from './RecipientField'
import { SentList } from './SentList'
import { useRecentMessages } from './use-recent'

/** A new message to anyone: recipient, kind, the 24-hour window, then its status as the webhooks report it. */
export function Compose() {
  const go = useNav((s) => s.go)
  const [to, setTo] = useState('')
  const [form, setForm] = useState<MessageForm>(emptyForm)
  const recipient = checkRecipient(to)
  const messages = useRecentMessages(recipient.ok ? (recipient.kind === 'phone' ? recipient.waId : recipient.userId) : null)

  const onChange = useCallback((patch: Partial<MessageForm>) => setForm((current) => ({ ...current, ...patch })), [])
  const onRecipient = (value: string) => {
    setTo(value)
    // Another conversation: its messages are not this one's to reply or react to.
    setForm((current) => (current.replyTo || current.reactTo ? { ...current, replyTo: '', reactTo: '' } : current))
  }
  const openConversation = useCallback(
    (contact: string) => {
      go('inbox')
      void useInbox.getState().open(contact)
    },
    [go],
  )

  return (
    <>
      <ScreenHeader title="Compose" />
      <ComposerForm
        composerKey={SCREEN_COMPOSER}
        label="New message"
        variant="screen"
        to={to}
        recipient={<RecipientField value={to} onChange={onRecipient} />}
        kinds={kinds}
        form={form}
        onChange={onChange}
        onSent={() => setForm(afterSend)}
        messages={messages}
        onOpenConversation={openConversation}
      />
      <SentList onOpenConversation={openConversation} />
    </>
  )
}
