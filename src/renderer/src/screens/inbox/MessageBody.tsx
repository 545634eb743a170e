import type { MessageContent, MessageView } from '@shared/contract'
import { ContactCards } from './ContactCards'
import { ErrorLines } from './ErrorLines'
import { InteractiveContent, ReplyContent } from './InteractiveContent'
import { MediaAttachment } from './MediaAttachment'
import { OrderItems } from './OrderItems'

/** The content of one message, by kind; the compiler insists on every kind the contract knows. */
export function MessageBody({ message }: { message: MessageView }) {
  const content: MessageContent = message.content
  switch (content.kind) {
    case 'text':
      return <p className="msg__text">{content.body}</p>
    case 'media':
      return <MediaAttachment media={content} />
    case 'location':
      return (
        <div className="location">
          <strong>{content.name ?? 'Location'}</strong>
          {content.address ? <div>{content.address}</div> : null}
          <div className="muted">
            {content.latitude !== null && content.longitude !== null ? (
              <code>
                {content.latitude.toFixed(6)}, {content.longitude.toFixed(6)}
              </code>
            ) : (
              'No coordinates'
            )}
            {content.url ? (
              <>
                {' '}
                · <code>{content.url}</code>
              </>
            ) : null}
          </div>
        </div>
      )
    case 'contacts':
      return <ContactCards cards={content.cards} />
    case 'reply':
      return <ReplyContent reply={content} />
    case 'interactive':
      return <InteractiveContent interactive={content} />
    case 'button':
      return (
        <div className="interactive">
          <span className="interactive__kind">Tapped template button</span>
          <strong className="interactive__title">{content.text}</strong>
          {content.payload ? (
            <div className="muted">
              payload <code>{content.payload}</code>
            </div>
          ) : null}
        </div>
      )
    case 'reaction':
      return <p className="msg__text">{content.emoji ? `Reacted ${content.emoji}` : 'Removed a reaction'}</p>
    case 'order':
      return <OrderItems order={content} />
    case 'system':
      return (
        <div className="system-line">
          {content.body}
          {content.newPhone ? <span className="muted"> · new number +{content.newPhone}</span> : null}
          {content.newUserId ? <span className="muted"> · new BSUID {content.newUserId}</span> : null}
        </div>
      )
    case 'unsupported':
      return (
        <div>
          <p className="msg__text">Unsupported message: WhatsApp did not pass on its content.</p>
          <ErrorLines errors={content.errors.length ? content.errors : message.errorDetails} label="Why it is unsupported" />
        </div>
      )
    case 'template':
      return (
        <div>
          <p className="msg__text">
            <span className="interactive__kind">Template</span> <strong>{content.name}</strong>
            {content.language ? <span className="muted"> ({content.language})</span> : null}
          </p>
          {content.values.length ? (
            <p className="msg__text msg__template-values" aria-label="Template parameters">
              {content.values.join(' · ')}
            </p>
          ) : null}
        </div>
      )
    case 'change':
      return <p className="msg__text muted">{content.change === 'edit' ? 'Edited' : 'Deleted'} a message</p>
    case 'external':
      return (
        <p className="msg__text muted">
          Sent by another client (your bot or the WhatsApp Business app): Switchboard knows only its status.
        </p>
      )
    case 'welcome':
      return <p className="msg__text muted">The customer opened the chat for the first time (welcome request).</p>
    case 'unknown':
      return (
        <p className="msg__text">
          <span className="interactive__kind">{content.type.replace(/_/g, ' ')} message</span> {message.text ?? ''}
        </p>
      )
  }
}
