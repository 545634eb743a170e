import { arr, obj, str, type Json } from './payload-fields'

/** The answers a flow sent back, without the flow's own token. */
function flowAnswers(responseJson: unknown): [string, string][] {
  if (typeof responseJson !== 'string') return []
  try {
    const answers = obj(JSON.parse(responseJson)) ?? {}
    return Object.entries(answers)
      .filter(([key]) => key !== 'flow_token')
      .map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)])
  } catch {
    return [['response', responseJson]]
  }
}

/** A customer's tap on a button, a list row or a completed flow; or an interactive message we sent. */
export function InteractiveContent({ interactive }: { interactive: Json }) {
  const kind = str(interactive.type)
  const buttonReply = obj(interactive.button_reply)
  const listReply = obj(interactive.list_reply)
  const flow = obj(interactive.nfm_reply)
  if (buttonReply || listReply) {
    const reply = (buttonReply ?? listReply)!
    return (
      <div className="interactive">
        <span className="interactive__kind">{buttonReply ? 'Tapped button' : 'Chose from list'}</span>
        <strong className="interactive__title">{str(reply.title) ?? '(no title)'}</strong>
        {str(reply.description) ? <span className="muted"> — {str(reply.description)}</span> : null}
        {str(reply.id) ? (
          <div className="muted">
            id <code>{str(reply.id)}</code>
          </div>
        ) : null}
      </div>
    )
  }
  if (flow) {
    const answers = flowAnswers(flow.response_json)
    return (
      <div className="interactive">
        <span className="interactive__kind">Flow reply</span>
        <strong className="interactive__title">{str(flow.name) ?? 'flow'}</strong>
        {str(flow.body) ? <span className="muted"> — {str(flow.body)}</span> : null}
        {answers.length ? (
          <dl className="pairs">
            {answers.map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </div>
    )
  }
  // An interactive message we sent (buttons, list, call-to-action, flow, product).
  const body = str(obj(interactive.body)?.text)
  const header = str(obj(interactive.header)?.text)
  const footer = str(obj(interactive.footer)?.text)
  const action = obj(interactive.action) ?? {}
  const buttons = arr(action.buttons).map((b) => str(obj(obj(b)?.reply)?.title) ?? str(obj(b)?.title))
  const rows = arr(action.sections).flatMap((section) => arr(obj(section)?.rows).map((row) => str(obj(row)?.title)))
  const cta = str(action.button) ?? str(obj(action.parameters)?.display_text)
  return (
    <div className="interactive">
      <span className="interactive__kind">Interactive {kind ? kind.replace(/_/g, ' ') : 'message'}</span>
      {header ? <strong className="interactive__title">{header}</strong> : null}
      {body ? <p className="msg__text">{body}</p> : null}
      {footer ? <div className="muted">{footer}</div> : null}
      {[...buttons, ...rows].filter(Boolean).length || cta ? (
        <ul className="interactive__options" aria-label="Options offered">
          {cta ? <li>{cta}</li> : null}
          {[...buttons, ...rows].filter(Boolean).map((title, index) => (
            <li key={index}>{title}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
