import type { MessageContent } from '@shared/contract'

const replyKinds = { button: 'Tapped button', list: 'Chose from list', flow: 'Flow reply' } as const

/** A customer's tap on a button, a list row or a completed flow, with the flow's answers. */
export function ReplyContent({ reply }: { reply: Extract<MessageContent, { kind: 'reply' }> }) {
  return (
    <div className="interactive">
      <span className="interactive__kind">{replyKinds[reply.to]}</span>
      <strong className="interactive__title">{reply.title ?? (reply.to === 'flow' ? 'flow' : '(no title)')}</strong>
      {reply.description ? <span className="muted"> — {reply.description}</span> : null}
      {reply.id ? (
        <div className="muted">
          id <code>{reply.id}</code>
        </div>
      ) : null}
      {reply.answers.length ? (
        <dl className="pairs">
          {reply.answers.map(({ name, value }) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  )
}

/** An interactive message the business sent (buttons, list, call to action, flow, product). */
export function InteractiveContent({ interactive }: { interactive: Extract<MessageContent, { kind: 'interactive' }> }) {
  return (
    <div className="interactive">
      <span className="interactive__kind">Interactive {interactive.interactiveType ? interactive.interactiveType.replace(/_/g, ' ') : 'message'}</span>
      {interactive.header ? <strong className="interactive__title">{interactive.header}</strong> : null}
      {interactive.body ? <p className="msg__text">{interactive.body}</p> : null}
      {interactive.footer ? <div className="muted">{interactive.footer}</div> : null}
      {interactive.options.length ? (
        <ul className="interactive__options" aria-label="Options offered">
          {interactive.options.map((title, index) => (
            <li key={index}>{title}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
