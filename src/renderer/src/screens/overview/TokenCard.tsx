import { refreshStrategyLabels, tokenKindLabels, type TokenStatus } from '@shared/contract'
import { countdown, ErrorMessage, formatFull, useSecondTick } from '../../components'
import { useToken } from '../../stores'
import { TokenTimeline } from './TokenTimeline'

const stateLabels: Record<TokenStatus['state'], string> = {
  no_token: 'No token',
  valid: 'Valid',
  expiring_soon: 'Expiring soon',
  expired: 'Expired',
  invalid: 'Not valid',
  unknown: 'Not inspected yet',
}

/** The token at a glance: countdown, lifetime timeline, kind, scopes, last inspection, Refresh now. */
export function TokenCard({ status }: { status: TokenStatus }) {
  const tick = useSecondTick()
  const offset = useToken((s) => s.offset)
  // Busy while our own click runs, or while the core refreshes on its own (schedule, recovery).
  const refreshing = useToken((s) => s.refreshing || (s.status?.refreshing ?? false))
  const result = useToken((s) => s.lastResult)
  const error = useToken((s) => s.error)
  const { refresh, inspect } = useToken.getState()
  const now = tick + offset
  const inspection = status.inspection
  const expiresAt = inspection?.expiresAt ?? null
  const left = expiresAt ? expiresAt - now : null

  return (
    <section className={`token-card token-card--${status.state}`} aria-label="Access token">
      <header className="token-card__header">
        <h2>Access token</h2>
        <span className={`badge token-state token-state--${status.state}`} data-testid="token-state">
          {stateLabels[status.state]}
        </span>
      </header>
      <div className="token-card__countdown" data-testid="token-countdown" aria-live="off">
        {expiresAt === 0 ? 'Never expires' : left !== null ? (left > 0 ? `Expires in ${countdown(left)}` : 'Expired') : '—'}
      </div>
      <TokenTimeline status={status} />
      <dl className="facts">
        {inspection ? (
          <>
            <dt>Type</dt>
            <dd>{tokenKindLabels[inspection.kind]}</dd>
            <dt>Expires</dt>
            <dd data-testid="token-expiry">{expiresAt ? formatFull(expiresAt) : expiresAt === 0 ? 'never' : '—'}</dd>
            <dt>App</dt>
            <dd>{inspection.application ? `${inspection.application} (${inspection.appId ?? ''})` : (inspection.appId ?? '—')}</dd>
            <dt>Scopes</dt>
            <dd>{inspection.scopes.length ? inspection.scopes.join(', ') : '—'}</dd>
            <dt>Last inspected</dt>
            <dd>{formatFull(inspection.inspectedAt)}</dd>
          </>
        ) : null}
        <dt>Refresh</dt>
        <dd>{status.strategies.length ? status.strategies.map((s) => refreshStrategyLabels[s]).join('; or ') : 'Not supported for this token'}</dd>
        {status.nextRefreshAt ? (
          <>
            <dt>Next automatic refresh</dt>
            <dd>{formatFull(status.nextRefreshAt)}</dd>
          </>
        ) : null}
      </dl>
      {inspection?.problems.map((problem) => (
        <p key={problem} className="banner banner--warning">
          {problem}
        </p>
      ))}
      <div className="inline-form">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void refresh()}
          disabled={refreshing || status.strategies.length === 0}
          title={status.strategies.length === 0 ? 'This token cannot be refreshed' : undefined}
        >
          {refreshing ? 'Refreshing…' : 'Refresh now'}
        </button>
        <button type="button" className="button" onClick={() => void inspect()} disabled={refreshing}>
          Check with Graph
        </button>
        {refreshing ? (
          <span className="muted" role="status">
            Asking Meta for a new token…
          </span>
        ) : null}
        {result && !refreshing ? (
          <span role="status" className={result.outcome === 'success' ? 'ok-text' : 'danger-text'} data-testid="refresh-result">
            {result.outcome === 'success'
              ? `Refreshed: new expiry ${result.newExpiresAt ? formatFull(result.newExpiresAt) : 'never'}`
              : result.outcome === 'skipped'
                ? `Not refreshed: ${result.note ?? ''}`
                : result.outcome === 'no_gain'
                  ? `No gain — the expiry did not move: ${result.note ?? ''}`
                : `Failed${result.errorCode !== null ? ` (Graph ${result.errorCode}${result.errorSubcode ? `/${result.errorSubcode}` : ''})` : ''}: ${result.errorMessage ?? ''}`}
          </span>
        ) : null}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {status.lastError && !error ? <ErrorMessage error={status.lastError} /> : null}
    </section>
  )
}
