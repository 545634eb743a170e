import { describe, expect, it } from 'vitest'
import { interpretDebugToken, tokenKind } from '../../../src/main/core/token'

const now = Date.UTC(2026, 10, 25)
const s = (ms: number) => Math.floor(ms / 1000)
const DAY = 86_400_000

describe('token kinds', () => {
  it('tells each kind apart from type and lifetime', () => {
    expect(tokenKind('SYSTEM_USER', 0, null)).toBe('system_user_never')
    expect(tokenKind('SYSTEM_USER', null, null)).toBe('system_user_never')
    expect(tokenKind('SYSTEM_USER', now + 60 * DAY, now)).toBe('system_user_expiring')
    expect(tokenKind('USER', now + DAY, now)).toBe('user_temporary')
    expect(tokenKind('USER', now + 60 * DAY, now)).toBe('user_long')
    expect(tokenKind('APP', 0, null)).toBe('app')
    expect(tokenKind('PAGE', 0, null)).toBe('page')
    expect(tokenKind(null, 0, null)).toBe('unknown')
  })
})

describe('debug_token interpretation', () => {
  const healthy = {
    app_id: '1234567890',
    type: 'SYSTEM_USER',
    application: 'Acme Bot',
    data_access_expires_at: s(now + 90 * DAY),
    expires_at: s(now + 50 * DAY),
    issued_at: s(now - 10 * DAY),
    is_valid: true,
    scopes: ['whatsapp_business_messaging', 'whatsapp_business_management', 'business_management'],
    granular_scopes: [
      { scope: 'whatsapp_business_messaging', target_ids: ['102290129340398'] },
      { scope: 'whatsapp_business_management', target_ids: ['102290129340398'] },
    ],
  }

  it('reads a healthy expiring system-user token without problems', () => {
    const info = interpretDebugToken(healthy, '102290129340398', now)
    expect(info).toMatchObject({ valid: true, kind: 'system_user_expiring', application: 'Acme Bot', appId: '1234567890', problems: [] })
    expect(info.expiresAt).toBe(s(now + 50 * DAY) * 1000)
    expect(info.granularScopes[0]).toEqual({ scope: 'whatsapp_business_messaging', targetIds: ['102290129340398'] })
  })

  it('warns about missing WhatsApp permissions and a WABA outside the granular scopes', () => {
    const info = interpretDebugToken({ ...healthy, scopes: ['whatsapp_business_messaging'] }, '999', now)
    expect(info.problems).toEqual([
      'The token lacks the whatsapp_business_management permission',
      "The token's WhatsApp permissions do not include this profile's WABA (999)",
    ])
  })

  it('reports an expired token with Graph\'s own reason', () => {
    const info = interpretDebugToken(
      { ...healthy, is_valid: false, expires_at: s(now - DAY), error: { code: 190, subcode: 463, message: 'Session has expired on Monday, 24-Nov-26 02:00:00 PST.' } },
      null,
      now,
    )
    expect(info).toMatchObject({ valid: false, error: { code: 190, subcode: 463 } })
    expect(info.problems[0]).toContain('Session has expired')
  })

  it('treats expiry 0 or absent as never, and flags a token that expires within a week', () => {
    expect(interpretDebugToken({ ...healthy, expires_at: 0 }, null, now)).toMatchObject({ kind: 'system_user_never', expiresAt: 0, problems: [] })
    const { expires_at: _omit, ...withoutExpiry } = healthy
    expect(interpretDebugToken(withoutExpiry, null, now).expiresAt).toBe(0)
    expect(interpretDebugToken({ ...healthy, expires_at: s(now + 2 * DAY) }, null, now).problems).toEqual(['The token expires in 2 days'])
  })

  it('says an app token cannot send messages', () => {
    expect(interpretDebugToken({ app_id: '1', type: 'APP', is_valid: true, scopes: [] }, null, now).problems).toContain(
      'This is an app token: it identifies the app and cannot send messages',
    )
  })
})
