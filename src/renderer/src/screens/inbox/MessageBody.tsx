import type { MessageView } from '@shared/contract'
import { ContactCards } from './ContactCards'
import { ErrorLines } from './ErrorLines'
import { InteractiveContent } from './InteractiveContent'
import { MediaPlaceholder } from './MediaPlaceholder'
import { OrderItems } from './OrderItems'
import { arr, num, obj, str } from './payload-fields'
import { mediaTypes, typeLabel } from './type-labels'

/** The values a sent template carried (header, body, buttons), in order: what the customer's copy was filled with. */
function templateValues(components: unknown): string[] {
  return arr(components).flatMap((component) =>
    arr(obj(component)?.parameters).flatMap((parameter) => {
      const p = obj(parameter) ?? {}
      const media = obj(p[str(p.type) ?? ''])
      return [str(p.text) ?? str(p.payload) ?? str(p.coupon_code) ?? str(media?.link)].filter((value): value is string => value !== undefined)
    }),
  )
}

/** The content of one message, by type, from its payload; anything unforeseen falls back to its text. */
export function MessageBody({ message }: { message: MessageView }) {
  const payload = obj(message.payload) ?? {}
  const type = message.type
  const part = obj(payload[type]) ?? {}

  if (mediaTypes.has(type)) return <MediaPlaceholder type={type} payload={payload} />
  switch (type) {
    case 'text':
      // An edited message's payload still holds the first text; the stored text is the latest.
      return <p className="msg__text">{(message.editedAt === null ? str(part.body) : undefined) ?? message.text ?? ''}</p>
    case 'location': {
      const lat = num(part.latitude)
      const lon = num(part.longitude)
      return (
        <div className="location">
          <strong>{str(part.name) ?? 'Location'}</strong>
          {str(part.address) ? <div>{str(part.address)}</div> : null}
          <div className="muted">
            {lat !== undefined && lon !== undefined ? (
              <code>
                {lat.toFixed(6)}, {lon.toFixed(6)}
              </code>
            ) : (
              'No coordinates'
            )}
            {str(part.url) ? (
              <>
                {' '}
                · <code>{str(part.url)}</code>
              </>
            ) : null}
          </div>
        </div>
      )
    }
    case 'contacts':
      return <ContactCards contacts={payload.contacts} />
    case 'interactive':
      return <InteractiveContent interactive={part} />
    case 'button':
      return (
        <div className="interactive">
          <span className="interactive__kind">Tapped template button</span>
          <strong className="interactive__title">{str(part.text) ?? '(no text)'}</strong>
          {str(part.payload) ? (
            <div className="muted">
              payload <code>{str(part.payload)}</code>
            </div>
          ) : null}
        </div>
      )
    case 'reaction':
      return <p className="msg__text">{str(part.emoji) ? `Reacted ${str(part.emoji)}` : 'Removed a reaction'}</p>
    case 'order':
      return <OrderItems order={part} />
    case 'system':
      return (
        <div className="system-line">
          {str(part.body) ?? message.text ?? 'System message'}
          {str(part.new_wa_id) ? <span className="muted"> · new WhatsApp ID {str(part.new_wa_id)}</span> : null}
        </div>
      )
    case 'unsupported':
      return (
        <div>
          <p className="msg__text">Unsupported message: WhatsApp did not pass on its content.</p>
          <ErrorLines errors={arr(payload.errors).length ? payload.errors : message.errors} label="Why it is unsupported" />
        </div>
      )
    case 'template': {
      const language = str(obj(part.language)?.code) ?? str(part.language)
      const values = templateValues(part.components)
      return (
        <div>
          <p className="msg__text">
            <span className="interactive__kind">Template</span> <strong>{str(part.name) ?? '?'}</strong>
            {language ? <span className="muted"> ({language})</span> : null}
          </p>
          {values.length ? (
            <p className="msg__text msg__template-values" aria-label="Template parameters">
              {values.join(' · ')}
            </p>
          ) : null}
        </div>
      )
    }
    case 'external':
      return (
        <p className="msg__text muted">
          Sent by another client (your bot or the WhatsApp Business app): Switchboard knows only its status.
        </p>
      )
    case 'request_welcome':
      return <p className="msg__text muted">The customer opened the chat for the first time (welcome request).</p>
    default:
      return (
        <p className="msg__text">
          <span className="interactive__kind">{typeLabel(type)}</span> {message.text ?? ''}
        </p>
      )
  }
}
