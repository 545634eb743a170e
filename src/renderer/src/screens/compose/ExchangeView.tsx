import type { GraphExchangeView } from '@shared/contract'
import { HeadersTable, JsonView } from '../../components'

/** The raw Graph request and response of a send, as the core recorded them (secrets masked). */
export function ExchangeView({ exchange }: { exchange: GraphExchangeView }) {
  return (
    <details className="exchange">
      <summary>Raw request and response</summary>
      <section className="exchange__part" aria-label="Request">
        <h4>
          Request <code>{exchange.method}</code> <code className="exchange__url">{exchange.url}</code>
        </h4>
        <HeadersTable headers={exchange.requestHeaders} label="Request headers" className="exchange__headers" />
        {exchange.requestBody === null ? <p className="muted">No body.</p> : <JsonView value={exchange.requestBody} label="Request body" />}
      </section>
      <section className="exchange__part" aria-label="Response">
        <h4>
          Response {exchange.status === null ? <span className="danger-text">none came back</span> : <code>HTTP {exchange.status}</code>}
          <span className="muted">
            {' '}
            · {Math.round(exchange.durationMs)} ms{exchange.attempts > 1 ? ` · ${exchange.attempts} attempts` : ''}
            {exchange.requestId ? ` · request id ${exchange.requestId}` : ''}
          </span>
        </h4>
        <HeadersTable headers={exchange.responseHeaders} label="Response headers" className="exchange__headers" />
        {exchange.responseBody === null ? null : <JsonView value={exchange.responseBody} label="Response body" />}
      </section>
    </details>
  )
}
