import type { TokenStatus } from '@shared/contract'

/** Loud when the token is dead or about to be; silent otherwise. */
export function TokenBanner({ status }: { status: TokenStatus }) {
  if (status.needsAction) {
    const severe = status.state === 'expired' || status.state === 'invalid' || status.state === 'no_token'
    return (
      <div className={`banner ${severe ? 'banner--danger' : 'banner--warning'}`} role="alert" data-testid="token-banner">
        <strong>{status.needsAction.message}</strong>
        <div>{status.needsAction.fix}</div>
        {status.needsAction.link ? (
          <a href={status.needsAction.link} target="_blank" rel="noreferrer">
            Open Business Settings → System users
          </a>
        ) : null}
      </div>
    )
  }
  if (status.state === 'expiring_soon') {
    return (
      <div className="banner banner--warning" role="status" data-testid="token-banner">
        The token is close to expiry; {status.strategies.length ? 'Switchboard refreshes it automatically, or refresh it now.' : 'replace it soon.'}
      </div>
    )
  }
  return null
}
