import { countdown, useSecondTick } from '../components'
import { useNav, useToken } from '../stores'

/** The active token's expiry, always in view: a live countdown in the status bar. */
export function TokenClock() {
  const status = useToken((s) => s.status)
  const offset = useToken((s) => s.offset)
  const go = useNav((s) => s.go)
  const tick = useSecondTick()
  if (!status) return null
  const expiresAt = status.inspection?.expiresAt
  const text =
    status.state === 'no_token'
      ? 'no token'
      : status.state === 'expired'
        ? 'token EXPIRED'
        : status.state === 'invalid'
          ? 'token invalid'
          : expiresAt === 0
            ? 'token never expires'
            : expiresAt
              ? `token ${countdown(expiresAt - (tick + offset))}`
              : 'token not checked'
  return (
    <button type="button" className={`status-bar__link token-clock token-clock--${status.state}`} data-testid="token-clock" onClick={() => go('overview')}>
      {text}
    </button>
  )
}
