import { describe, expect, it } from 'vitest'
import type { TokenStatus } from '@shared/contract'
import { TokenAlerts, trayLine } from '../../../src/main/token-alerts'

const now = Date.UTC(2026, 10, 25, 12)

function status(state: TokenStatus['state'], extra: Partial<TokenStatus> = {}): TokenStatus {
  return {
    profileId: 'prf_1',
    profileName: 'production',
    state,
    inspection: null,
    needsAction: null,
    strategies: ['exchange_system_user'],
    nextRefreshAt: null,
    nextInspectionAt: null,
    refreshing: false,
    lastRefresh: null,
    lastError: null,
    now,
    ...extra,
  }
}

describe('token alerts', () => {
  it('notifies once on getting close to expiry, once on expiry, never twice for the same state', () => {
    const alerts = new TokenAlerts()
    expect(alerts.onStatus(status('valid'))).toBeNull()
    const soon = alerts.onStatus(status('expiring_soon', { inspection: { expiresAt: now + 3 * 86_400_000 } as TokenStatus['inspection'] }))
    expect(soon?.title).toBe('production: token expires in 3 days')
    expect(alerts.onStatus(status('expiring_soon'))).toBeNull()
    const expired = alerts.onStatus(status('expired', { needsAction: { message: 'Expired — needs a new token.', fix: 'Create a system-user token', link: null } }))
    expect(expired).toEqual({ title: 'production: the access token has expired', body: 'Expired — needs a new token.' })
    expect(alerts.onStatus(status('expired'))).toBeNull()
  })

  it('notifies on every failed refresh with the Graph code', () => {
    const alerts = new TokenAlerts()
    const entry = { id: 1, profileId: 'prf_1', profileName: 'production', at: now, trigger: 'scheduled', strategy: 'exchange_system_user', oldExpiresAt: null, newExpiresAt: null, fbtraceId: null, durationMs: 5, note: null } as const
    expect(alerts.onLogged({ ...entry, outcome: 'success', errorCode: null, errorSubcode: null, errorMessage: null })).toBeNull()
    expect(alerts.onLogged({ ...entry, outcome: 'failure', errorCode: 190, errorSubcode: 463, errorMessage: 'Session has expired' })).toEqual({
      title: 'production: token refresh failed (Graph 190/463)',
      body: 'Session has expired',
    })
  })

  it('gives the tray one line about the active token', () => {
    expect(trayLine(null)).toBe('Switchboard — no profile')
    expect(trayLine(status('expired'))).toBe('Switchboard — production: token EXPIRED')
    expect(trayLine(status('valid', { inspection: { expiresAt: 0 } as TokenStatus['inspection'] }))).toBe('Switchboard — production: token never expires')
    expect(trayLine(status('valid', { inspection: { expiresAt: Date.now() + 5 * 86_400_000 + 1000 } as TokenStatus['inspection'] }))).toBe(
      'Switchboard — production: token expires in 5 days',
    )
  })
})
