import type { EventPayload, TokenStatus } from '@shared/contract'

export interface Alert {
  title: string
  body: string
}

function remaining(ms: number): string {
  const hours = ms / 3_600_000
  if (hours < 1) return `${Math.max(1, Math.round(ms / 60_000))} minutes`
  if (hours < 48) return `${Math.round(hours)} hours`
  return `${Math.round(hours / 24)} days`
}

/**
 * Decides which desktop notifications the token's life deserves: once when it gets close to
 * expiry, once when it expires or dies, and on each failed refresh. Pure, so it is unit-tested;
 * main only shows what it returns.
 */
export class TokenAlerts {
  private readonly lastState = new Map<string, TokenStatus['state']>()

  onStatus(status: TokenStatus): Alert | null {
    const previous = this.lastState.get(status.profileId)
    this.lastState.set(status.profileId, status.state)
    if (previous === status.state) return null
    const expiresAt = status.inspection?.expiresAt
    switch (status.state) {
      case 'expiring_soon':
        return {
          title: `${status.profileName}: token expires in ${expiresAt ? remaining(expiresAt - status.now) : 'a short while'}`,
          body: status.strategies.length ? 'Switchboard will refresh it; you can also refresh it now.' : (status.needsAction?.fix ?? 'Replace it before it expires.'),
        }
      case 'expired':
      case 'invalid':
        if (previous === undefined && status.state === 'expired') return { title: `${status.profileName}: the access token has expired`, body: status.needsAction?.fix ?? '' }
        return { title: `${status.profileName}: ${status.state === 'expired' ? 'the access token has expired' : 'the access token is no longer valid'}`, body: status.needsAction?.message ?? '' }
      default:
        return null
    }
  }

  onLogged(entry: EventPayload<'token.logged'>): Alert | null {
    if (entry.outcome !== 'failure') return null
    const code = entry.errorCode !== null ? ` (Graph ${entry.errorCode}${entry.errorSubcode ? `/${entry.errorSubcode}` : ''})` : ''
    return { title: `${entry.profileName}: token refresh failed${code}`, body: entry.errorMessage ?? entry.note ?? 'See the refresh log.' }
  }
}

/** The tray's one line: how long the active profile's token has left. */
export function trayLine(status: TokenStatus | null): string {
  if (!status) return 'Switchboard — no profile'
  const expiresAt = status.inspection?.expiresAt
  switch (status.state) {
    case 'no_token':
      return `Switchboard — ${status.profileName}: no token`
    case 'expired':
      return `Switchboard — ${status.profileName}: token EXPIRED`
    case 'invalid':
      return `Switchboard — ${status.profileName}: token invalid`
    default:
      if (expiresAt === 0) return `Switchboard — ${status.profileName}: token never expires`
      if (expiresAt) return `Switchboard — ${status.profileName}: token expires in ${remaining(expiresAt - Date.now())}`
      return `Switchboard — ${status.profileName}`
  }
}
