import { ErrorMessage, HeadersTable, JsonView, formatFull } from '../../components'
import { useWebhook } from '../../stores'
import { byteSize } from './byte-size'
import { RequestForwards } from './forward'
import { signatureLabels, verdictLabels, verdictTone } from './verdict-text'

/** One request in full: its verdict and why, the headers kept, and the raw body pretty-printed. */
export function RequestDetail() {
  const selectedId = useWebhook((s) => s.selectedId)
  const detail = useWebhook((s) => s.detail)
  const error = useWebhook((s) => s.detailError)
  const select = useWebhook((s) => s.select)
  if (selectedId === null) return <p className="muted request-detail__none">Choose a request to see its headers and body (arrow keys move, Enter opens).</p>
  if (error) return <ErrorMessage error={error} />
  if (!detail || detail.id !== selectedId)
    return (
      <p className="muted" role="status">
        Loading request…
      </p>
    )
  const headers = Object.entries(detail.headers)
  return (
    <section className="request-detail" aria-label={`Request ${detail.id}`}>
      <header className="request-detail__header">
        <h2>
          {detail.method} {detail.path}
        </h2>
        <span className={`badge badge--${verdictTone[detail.verdict]}`}>
          {verdictLabels[detail.verdict]} · HTTP {detail.status}
        </span>
        <button type="button" className="button button--ghost request-detail__close" aria-label="Close request" onClick={() => void select(null)}>
          ×
        </button>
      </header>
      <dl className="pairs request-detail__facts">
        <div>
          <dt>Received</dt>
          <dd>{formatFull(detail.receivedAt)}</dd>
        </div>
        <div>
          <dt>From</dt>
          <dd>{detail.remote ?? 'unknown'}</dd>
        </div>
        <div>
          <dt>Signature</dt>
          <dd>{signatureLabels[detail.signature]}</dd>
        </div>
        <div>
          <dt>Size</dt>
          <dd>
            {byteSize(detail.size)} · {detail.eventCount} event{detail.eventCount === 1 ? '' : 's'}
          </dd>
        </div>
        {detail.reason ? (
          <div>
            <dt>Reason</dt>
            <dd>{detail.reason}</dd>
          </div>
        ) : null}
      </dl>
      <h3>Headers</h3>
      {headers.length ? <HeadersTable headers={headers} label="Headers" className="request-detail__headers" /> : <p className="muted">No headers kept.</p>}
      <h3>Body</h3>
      {detail.body === null ? <p className="muted">No body.</p> : <JsonView value={detail.body} label="Request body" />}
      {detail.body !== null && detail.verdict !== 'accepted' && detail.body.length >= 64 * 1024 ? (
        <p className="muted">Bodies of refused requests are kept only up to 64 KB.</p>
      ) : null}
      {detail.verdict === 'accepted' || detail.verdict === 'verified' ? (
        <RequestForwards key={detail.id} requestId={detail.id} body={detail.verdict === 'accepted' ? detail.body : null} />
      ) : null}
    </section>
  )
}
