import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { GraphErrorResult } from './helpers/graph-client'
import { closeAfterEach, testSandbox } from './helpers/sandbox-fixture'

closeAfterEach()

const EXPIRED = /^Error validating access token: Session has expired on (Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \d\d-[A-Z][a-z]{2}-\d\d \d\d:\d\d:\d\d P[SD]T\. The current time is .+ P[SD]T\.$/

function proof(token: string, secret: string): string {
  return createHmac('sha256', secret).update(token).digest('hex')
}

describe('sandbox tokens', () => {
  it('issues Graph-shaped tokens of every kind and explains them through debug_token', async () => {
    const { sandbox, graph } = await testSandbox({ tokenLifetimeSeconds: 300 })
    const appToken = `${sandbox.app.id}|${sandbox.app.secret}`
    for (const kind of ['system_user_expiring', 'system_user_never', 'user_short', 'user_long'] as const) {
      const issued = sandbox.issueToken(kind)
      expect(issued.token).toMatch(/^EAA[A-Za-z0-9]{100,}$/)
      const { status, body } = await graph.get<{ data: Record<string, unknown> }>('/debug_token', { input_token: issued.token }, appToken)
      expect(status).toBe(200)
      expect(body.data).toMatchObject({
        app_id: sandbox.app.id,
        type: kind.startsWith('system_user') ? 'SYSTEM_USER' : 'USER',
        is_valid: true,
        expires_at: issued.expiresAt,
        scopes: expect.arrayContaining(['whatsapp_business_messaging', 'whatsapp_business_management']) as unknown,
      })
      expect(body.data.granular_scopes).toContainEqual({ scope: 'whatsapp_business_messaging', target_ids: [sandbox.wabaId] })
    }
    expect(sandbox.issueToken('system_user_never').expiresAt).toBe(0)
    const expiring = sandbox.issueToken('system_user_expiring')
    expect(expiring.expiresAt - Math.floor(Date.UTC(2026, 0, 1) / 1000)).toBe(300)

    const app = sandbox.issueToken('app')
    expect(app.token).toMatch(new RegExp(`^${sandbox.app.id}\\|[A-Za-z0-9_-]{16,}$`))
    const debugApp = await graph.get<{ data: Record<string, unknown> }>('/debug_token', { input_token: app.token }, app.token)
    expect(debugApp.body.data).toEqual({ app_id: sandbox.app.id, type: 'APP', application: 'Switchboard Sandbox', is_valid: true })
  })

  it('expires tokens by the clock: 401, code 190, subcode 463 and the real message', async () => {
    const { sandbox, graph, clock } = await testSandbox({ tokenLifetimeSeconds: 300 })
    const phone = sandbox.phoneNumbers[0]!.id
    const { token } = sandbox.issueToken('system_user_expiring')
    expect((await graph.get(`/${phone}`, {}, token)).status).toBe(200)

    clock.advance(299_000)
    expect((await graph.get(`/${phone}`, {}, token)).status).toBe(200)
    clock.advance(1_000)
    const expired = await graph.get<GraphErrorResult>(`/${phone}`, {}, token)
    expect(expired.status).toBe(401)
    expect(expired.body.error).toMatchObject({ type: 'OAuthException', code: 190, error_subcode: 463 })
    expect(expired.body.error.message).toMatch(EXPIRED)
    // Meta states both instants in Pacific time: 00:05 UTC on 1 January is 16:05 PST the day before.
    expect(expired.body.error.message).toContain('Session has expired on Wednesday, 31-Dec-25 16:05:00 PST.')
    expect(expired.body.error.fbtrace_id).toMatch(/^A[A-Za-z0-9]{10,}$/)
    expect(expired.body.error.message).not.toContain(token)

    const debug = await graph.get<{ data: Record<string, unknown> }>('/debug_token', { input_token: token }, sandbox.issueToken('app').token)
    expect(debug.body.data).toMatchObject({ is_valid: false, type: 'SYSTEM_USER', error: { code: 190, subcode: 463 } })
  })

  it('answers an unknown token with 190 and no subcode, a missing one with 104, a revoked one with 460', async () => {
    const { sandbox, graph } = await testSandbox()
    const phone = sandbox.phoneNumbers[0]!.id
    const unknown = await graph.get<GraphErrorResult>(`/${phone}`, {}, `EAAG${'x'.repeat(150)}`)
    expect(unknown.status).toBe(401)
    expect(unknown.body.error).toMatchObject({ code: 190, type: 'OAuthException', message: 'Invalid OAuth access token - Cannot parse access token' })
    expect(unknown.body.error.error_subcode).toBeUndefined()

    const none = await graph.get<GraphErrorResult>(`/${phone}`)
    expect(none.status).toBe(400)
    expect(none.body.error.code).toBe(104)

    const { token } = sandbox.issueToken('system_user_never')
    sandbox.revokeToken(token)
    const revoked = await graph.get<GraphErrorResult>(`/${phone}`, {}, token)
    expect(revoked.status).toBe(401)
    expect(revoked.body.error).toMatchObject({ code: 190, error_subcode: 460 })
  })

  it('debug_token needs an app token or a valid user token, and an input_token', async () => {
    const { sandbox, graph, token } = await testSandbox()
    expect((await graph.get<GraphErrorResult>('/debug_token', { input_token: token })).body.error.code).toBe(100)
    expect((await graph.get('/debug_token', { input_token: token }, token)).status).toBe(200)
    const missing = await graph.get<GraphErrorResult>('/debug_token', {}, sandbox.issueToken('app').token)
    expect(missing.body.error.message).toBe('(#100) The parameter input_token is required')
    const invalid = await graph.get<{ data: Record<string, unknown> }>('/debug_token', { input_token: 'EAAnothing1234567890' }, token)
    expect(invalid.body.data).toEqual({ error: { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' }, is_valid: false, scopes: [] })
  })

  it('refreshes with fb_exchange_token (60-day system-user form) and follows the sandbox profile token', async () => {
    const { sandbox, graph, clock } = await testSandbox({ tokenLifetimeSeconds: 600 })
    const profile = sandbox.currentToken()
    clock.advance(500_000)
    const params = { grant_type: 'fb_exchange_token', client_id: sandbox.app.id, client_secret: sandbox.app.secret, fb_exchange_token: profile, set_token_expires_in_60_days: 'true' }
    const refreshed = await graph.get<{ access_token: string; token_type: string; expires_in: number }>('/oauth/access_token', params)
    expect(refreshed.status).toBe(200)
    expect(refreshed.body).toEqual({ access_token: expect.stringMatching(/^EAA/) as unknown, token_type: 'bearer', expires_in: 600 })
    expect(sandbox.currentToken()).toBe(refreshed.body.access_token)
    expect(sandbox.env().WHATSAPP_TOKEN).toBe(refreshed.body.access_token)

    const user = sandbox.issueToken('user_short')
    const long = await graph.get<{ access_token: string; expires_in: number }>('/oauth/access_token', { ...params, fb_exchange_token: user.token, set_token_expires_in_60_days: '' })
    expect(long.body.expires_in).toBe(60 * 24 * 3600)

    clock.advance(200_000) // the original profile token is now past its 600 s
    const late = await graph.get<GraphErrorResult>('/oauth/access_token', params)
    expect(late.status).toBe(400)
    expect(late.body.error).toMatchObject({ code: 190, error_subcode: 463 })
  })

  it('gives a long-lived user token back with the same expiry when it is exchanged again', async () => {
    const { sandbox, graph, clock } = await testSandbox()
    const params = { grant_type: 'fb_exchange_token', client_id: sandbox.app.id, client_secret: sandbox.app.secret }
    const short = sandbox.issueToken('user_short')
    const long = await graph.get<{ access_token: string; expires_in: number }>('/oauth/access_token', { ...params, fb_exchange_token: short.token })
    expect(long.body.expires_in).toBe(60 * 24 * 3600)

    clock.advance(10 * 24 * 3600 * 1000)
    const again = await graph.get<{ access_token: string; token_type: string; expires_in: number }>('/oauth/access_token', { ...params, fb_exchange_token: long.body.access_token })
    // Only a new login extends a user token: the same token, counting down.
    expect(again.body).toEqual({ access_token: long.body.access_token, token_type: 'bearer', expires_in: 50 * 24 * 3600 })
    const debug = await graph.get<{ data: { expires_at: number } }>('/debug_token', { input_token: again.body.access_token }, sandbox.issueToken('app').token)
    expect(debug.body.data.expires_at).toBe(Math.floor(clock.now() / 1000) + 50 * 24 * 3600)
  })

  it('returns the real OAuth error envelopes for missing parameters and a wrong secret', async () => {
    const { sandbox, graph, token } = await testSandbox()
    const base = { grant_type: 'fb_exchange_token', client_id: sandbox.app.id, client_secret: sandbox.app.secret, fb_exchange_token: token }
    const cases: [Record<string, string>, number, string][] = [
      [{ ...base, client_id: '' }, 101, 'Missing client_id parameter.'],
      [{ ...base, client_id: '123456789012345' }, 101, 'Error validating application. Invalid application ID.'],
      [{ ...base, client_secret: '' }, 101, 'Missing client_secret parameter.'],
      [{ ...base, client_secret: 'f'.repeat(32) }, 1, 'Error validating client secret.'],
      [{ ...base, fb_exchange_token: '' }, 100, '(#100) The parameter fb_exchange_token is required'],
    ]
    for (const [params, code, message] of cases) {
      const result = await graph.get<GraphErrorResult>('/oauth/access_token', params)
      expect(result.status).toBe(400)
      expect(result.body.error).toMatchObject({ code, message, type: 'OAuthException' })
      expect(result.body.error.fbtrace_id).toEqual(expect.any(String))
    }
  })

  it('issues app tokens through client_credentials', async () => {
    const { sandbox, graph } = await testSandbox()
    const result = await graph.get<{ access_token: string; token_type: string }>('/oauth/access_token', {
      grant_type: 'client_credentials',
      client_id: sandbox.app.id,
      client_secret: sandbox.app.secret,
    })
    expect(result.body).toEqual({ access_token: sandbox.issueToken('app').token, token_type: 'bearer' })
    expect(result.body.access_token).not.toContain(sandbox.app.secret)
  })

  it('mints system-user tokens with an admin token and a correct appsecret_proof', async () => {
    const { sandbox, graph, token } = await testSandbox({ tokenLifetimeSeconds: 900 })
    const path = `/${sandbox.systemUserId}/access_tokens`
    const body = {
      business_app: sandbox.app.id,
      scope: 'whatsapp_business_messaging,whatsapp_business_management',
      appsecret_proof: proof(sandbox.adminToken, sandbox.app.secret),
      set_token_expires_in_60_days: true,
    }
    const minted = await graph.post<{ access_token: string }>(path, body, sandbox.adminToken)
    expect(minted.status).toBe(200)
    expect(Object.keys(minted.body)).toEqual(['access_token'])
    const debug = await graph.get<{ data: Record<string, unknown> }>('/debug_token', { input_token: minted.body.access_token }, sandbox.adminToken)
    expect(debug.body.data).toMatchObject({ type: 'SYSTEM_USER', is_valid: true, scopes: ['whatsapp_business_messaging', 'whatsapp_business_management'] })
    expect((debug.body.data.expires_at as number) - (debug.body.data.issued_at as number)).toBe(900)

    const wrong = await graph.post<GraphErrorResult>(path, { ...body, appsecret_proof: proof(sandbox.adminToken, 'not-the-secret') }, sandbox.adminToken)
    expect(wrong.status).toBe(400)
    expect(wrong.body.error).toMatchObject({ message: 'Invalid appsecret_proof provided in the API argument', type: 'GraphMethodException', code: 100 })
    const noProof = await graph.post<GraphErrorResult>(path, { business_app: sandbox.app.id, scope: 'whatsapp_business_messaging' }, sandbox.adminToken)
    expect(noProof.body.error.message).toBe('(#100) The parameter appsecret_proof is required')
    const notAdmin = await graph.post<GraphErrorResult>(path, { ...body, appsecret_proof: proof(token, sandbox.app.secret) }, token)
    expect(notAdmin.status).toBe(403)
  })

  it('with "Require App Secret" on, refuses user and system-user calls without appsecret_proof; app tokens and oauth are not affected', async () => {
    const { sandbox, graph, token } = await testSandbox()
    const phone = `/${sandbox.phoneNumbers[0]!.id}`
    const appToken = `${sandbox.app.id}|${sandbox.app.secret}`
    expect((await graph.get('/_sandbox/app')).body).toEqual({ require_app_secret: false })
    expect(sandbox.requireAppSecret).toBe(false)
    expect((await graph.get(phone, {}, token)).status).toBe(200)

    expect((await graph.post('/_sandbox/app', { require_app_secret: 'true' }, undefined, { form: true })).body).toEqual({ success: true, require_app_secret: true })
    expect(sandbox.requireAppSecret).toBe(true)
    const REQUIRED = { message: 'API calls from the server require an appsecret_proof argument', type: 'GraphMethodException', code: 100 }
    const user = sandbox.issueToken('user_long').token
    for (const caller of [token, user]) {
      const refused = await graph.get<GraphErrorResult>(phone, {}, caller)
      expect(refused.status).toBe(400)
      expect(refused.body.error).toMatchObject(REQUIRED)
      expect((await graph.get(phone, { appsecret_proof: proof(caller, sandbox.app.secret) }, caller)).status).toBe(200)
      expect((await graph.get<GraphErrorResult>(phone, { appsecret_proof: proof(caller, 'not-the-secret') }, caller)).body.error.message).toBe('Invalid appsecret_proof provided in the API argument')
    }
    const send = await graph.post<GraphErrorResult>(`${phone}/messages`, { messaging_product: 'whatsapp', to: '15550104477', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } }, token)
    expect(send.body.error).toMatchObject(REQUIRED)
    expect((await graph.get<GraphErrorResult>('/debug_token', { input_token: token }, token)).body.error).toMatchObject(REQUIRED)
    const mint = await graph.post<GraphErrorResult>(`/${sandbox.systemUserId}/access_tokens`, { business_app: sandbox.app.id, scope: 'whatsapp_business_messaging' }, sandbox.adminToken)
    expect(mint.body.error).toMatchObject(REQUIRED)

    // App tokens, and the OAuth endpoint (which authenticates with the app's id and secret), are not affected.
    expect((await graph.get('/debug_token', { input_token: token }, appToken)).status).toBe(200)
    expect((await graph.get(`/${sandbox.app.id}/subscriptions`, {}, sandbox.issueToken('app').token)).status).toBe(200)
    const exchanged = await graph.get('/oauth/access_token', { grant_type: 'fb_exchange_token', client_id: sandbox.app.id, client_secret: sandbox.app.secret, fb_exchange_token: token })
    expect(exchanged.status).toBe(200)

    sandbox.setRequireAppSecret(false)
    expect((await graph.get('/_sandbox/app')).body).toEqual({ require_app_secret: false })
    expect((await graph.get(phone, {}, token)).status).toBe(200)
    expect((await graph.post<GraphErrorResult>('/_sandbox/app', { require_app_secret: 'maybe' })).body.error.code).toBe(100)
  })
})
