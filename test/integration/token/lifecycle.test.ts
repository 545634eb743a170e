import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ManualClock, type CoreServices } from '../../../src/main/core'
import { keytarKeychain } from '../../../src/main/core/secrets'
import { startSandbox, type Sandbox } from '../../../src/main/core/sandbox'
import { testCore } from '../../support/core'
import { countingProxy, type CountingProxy } from '../../support/counting-proxy'
import { sandboxCore, type SandboxCore } from '../../support/sandbox-core'
import { tempDir } from '../../support/temp'

const MINUTE = 60_000

/** A text send through the token service, the way the composer will send. */
function send(core: CoreServices, profileId: string, to = '15550001234') {
  return core.tokens.withToken(profileId, async ({ graph, token, proof, profile }) => {
    const response = await graph.post(`${profile.phoneNumberId}/messages`, {
      token,
      appSecretProof: proof,
      json: { messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'text', text: { body: 'hello' } },
    })
    return response.data as { messages: { id: string }[] }
  })
}

describe('token lifecycle against the sandbox', () => {
  let s: SandboxCore
  afterEach(() => s.core.close())

  it('inspects each kind of token and offers only the refresh that kind supports', async () => {
    s = await sandboxCore()
    const sandbox = s.core.sandbox.running!
    const cases = [
      ['system_user_expiring', 'system_user_expiring', ['exchange_system_user', 'mint']],
      ['system_user_never', 'system_user_never', ['mint']],
      // A long-lived user token is never exchanged on its own: Meta answers with the same expiry.
      ['user_long', 'user_long', ['mint']],
      ['user_short', 'user_short', ['exchange_user', 'mint']],
      ['user_temporary', 'user_temporary', ['mint']],
    ] as const
    for (const [issued, kind, strategies] of cases) {
      await s.core.call('profiles.save', { id: s.profileId, secrets: { accessToken: sandbox.issueToken(issued).token } })
      const status = await s.core.call('token.inspect', { profileId: s.profileId })
      expect(status.inspection?.kind, issued).toBe(kind)
      expect(status.strategies, issued).toEqual(strategies)
    }
    await s.core.call('profiles.save', { id: s.profileId, secrets: { adminToken: null, accessToken: sandbox.issueToken('user_long').token } })
    const long = await s.core.call('token.inspect', { profileId: s.profileId })
    expect(long.strategies).toEqual([])
    expect(long.needsAction?.message).toContain('cannot be extended')
    expect(long.needsAction?.fix).toContain('System users')
    await s.core.call('profiles.save', { id: s.profileId, secrets: { accessToken: sandbox.issueToken('user_temporary').token } })
    const temporary = await s.core.call('token.inspect', { profileId: s.profileId })
    expect(temporary.strategies).toEqual([])
    expect(temporary.needsAction?.message).toContain('temporary token from API Setup')
  })

  it('logs a refresh that does not move the expiry as no gain, keeps the token, and does not try it again', async () => {
    s = await sandboxCore()
    const sandbox = s.core.sandbox.running!
    const token = sandbox.issueToken('user_long').token
    await s.core.call('profiles.save', { id: s.profileId, secrets: { accessToken: token } })
    const before = await s.core.call('token.inspect', { profileId: s.profileId })
    s.clock.advance(MINUTE)
    // Only an operator asks for this exchange; Meta answers with the same expiry.
    const { entry, status } = await s.core.call('token.refresh', { profileId: s.profileId, strategy: 'exchange_user' })
    expect(entry).toMatchObject({ strategy: 'exchange_user', outcome: 'no_gain', oldExpiresAt: before.inspection!.expiresAt, newExpiresAt: before.inspection!.expiresAt })
    expect(entry.note).toMatch(/log in again.*system-user token/i)
    expect(await keytarKeychain().get(`${s.profileId}/accessToken`)).toBe(token)
    expect(status.strategies).toEqual(['mint'])
    const again = await s.core.call('token.refresh', { profileId: s.profileId, strategy: 'exchange_user' })
    expect(again.entry).toMatchObject({ outcome: 'skipped' })
    expect(await keytarKeychain().get(`${s.profileId}/accessToken`)).toBe(token)
  })

  it('exchanges a short-lived user token for a long-lived one', async () => {
    s = await sandboxCore()
    const sandbox = s.core.sandbox.running!
    await s.core.call('profiles.save', { id: s.profileId, secrets: { accessToken: sandbox.issueToken('user_short').token, adminToken: null } })
    await s.core.call('token.inspect', { profileId: s.profileId })
    const { entry, status } = await s.core.call('token.refresh', { profileId: s.profileId })
    expect(entry).toMatchObject({ strategy: 'exchange_user', outcome: 'success' })
    expect(status.inspection?.kind).toBe('user_long')
    expect(entry.newExpiresAt! - s.clock.now()).toBeGreaterThan(50 * 24 * 60 * MINUTE)
  })

  it('leaves a scheduled refresh alone once it gained nothing for the token, instead of asking Meta every 30 s', async () => {
    s = await sandboxCore({ background: true })
    const sandbox = s.core.sandbox.running!
    // A long-lived user token close to expiry, with no admin token to mint: nothing can extend it.
    await s.core.call('profiles.save', { id: s.profileId, secrets: { accessToken: sandbox.issueToken('user_long').token, adminToken: null } })
    const status = await s.core.call('token.inspect', { profileId: s.profileId })
    expect(status.nextRefreshAt).toBeNull()
    await s.advance(59 * 24 * 60 * MINUTE)
    const attempts = (await s.core.call('token.log', { profileId: s.profileId, limit: 100 })).entries.filter((e) => e.trigger === 'scheduled')
    expect(attempts).toEqual([])
  })

  it('refreshes on demand: new expiry, keychain updated, a log row without the token', async () => {
    s = await sandboxCore()
    const before = await s.core.call('token.inspect', { profileId: s.profileId })
    const oldToken = (await keytarKeychain().get(`${s.profileId}/accessToken`))!
    s.clock.advance(MINUTE)
    const { status, entry } = await s.core.call('token.refresh', { profileId: s.profileId })
    expect(entry).toMatchObject({ trigger: 'manual', strategy: 'exchange_system_user', outcome: 'success', oldExpiresAt: before.inspection!.expiresAt })
    expect(entry.newExpiresAt!).toBeGreaterThan(before.inspection!.expiresAt!)
    expect(status.inspection!.expiresAt).toBe(entry.newExpiresAt)
    const newToken = await keytarKeychain().get(`${s.profileId}/accessToken`)
    expect(newToken).not.toBe(oldToken)
    const { entries } = await s.core.call('token.log', { profileId: s.profileId, limit: 10 })
    expect(entries[0]).toMatchObject({ id: entry.id, outcome: 'success' })
    expect(JSON.stringify(entries)).not.toContain(newToken!)
    expect(JSON.stringify(entries)).not.toContain(oldToken)
  })

  it('refreshes on schedule before expiry as the clock advances, and never storms', async () => {
    s = await sandboxCore({ background: true })
    const first = await s.core.call('token.status', { profileId: s.profileId })
    const expiresAt = first.inspection!.expiresAt!
    expect(first.nextRefreshAt).toBeLessThan(expiresAt)
    await s.advance(first.nextRefreshAt! - s.clock.now() + 1000)
    const log = (await s.core.call('token.log', { profileId: s.profileId, limit: 10 })).entries
    expect(log.filter((e) => e.trigger === 'scheduled' && e.outcome === 'success')).toHaveLength(1)
    const after = await s.core.call('token.status', { profileId: s.profileId })
    expect(after.inspection!.expiresAt!).toBeGreaterThan(expiresAt)
    expect(after.state).toBe('valid')
    // An hour of simulated time with 5-minute tokens: one refresh per half-lifetime, not a storm.
    for (let i = 0; i < 60; i++) await s.advance(MINUTE)
    const hour = (await s.core.call('token.log', { profileId: s.profileId, limit: 100 })).entries
    expect(hour.length).toBeGreaterThanOrEqual(20)
    expect(hour.length).toBeLessThanOrEqual(26)
    expect(hour.every((e) => e.outcome === 'success')).toBe(true)
  })

  it('on 190, reloads a token another process stored, and the send succeeds', async () => {
    s = await sandboxCore()
    await s.core.call('token.inspect', { profileId: s.profileId })
    s.clock.advance(10 * MINUTE)
    const fresh = s.core.sandbox.running!.issueToken('system_user_expiring').token
    await keytarKeychain().set(`${s.profileId}/accessToken`, fresh)
    const sent = await send(s.core, s.profileId)
    expect(sent.messages[0]!.id).toMatch(/^wamid\./)
    const [entry] = (await s.core.call('token.log', { profileId: s.profileId, limit: 1 })).entries
    expect(entry).toMatchObject({ trigger: 'on_190', strategy: 'reload', outcome: 'success' })
  })

  it('on 190 with a minting credential, mints one new token and the send succeeds', async () => {
    s = await sandboxCore()
    await s.core.call('token.inspect', { profileId: s.profileId })
    s.clock.advance(10 * MINUTE)
    const sent = await send(s.core, s.profileId)
    expect(sent.messages[0]!.id).toMatch(/^wamid\./)
    const entries = (await s.core.call('token.log', { profileId: s.profileId, limit: 5 })).entries
    expect(entries.map((e) => [e.trigger, e.strategy, e.outcome])).toEqual([['on_190', 'mint', 'success']])
  })

  it('on 190 with no way out: a clear state, the composer blocked, no retry loop', async () => {
    s = await sandboxCore({ background: true })
    await s.core.call('profiles.save', { id: s.profileId, secrets: { adminToken: null } })
    await s.core.call('token.inspect', { profileId: s.profileId })
    await s.advance(10 * MINUTE)
    const status = await s.core.call('token.inspect', { profileId: s.profileId })
    expect(status.state).toBe('expired')
    expect(status.needsAction?.message).toMatch(/Expired — needs a new token/)
    expect(status.nextRefreshAt).toBeNull()
    await expect(send(s.core, s.profileId)).rejects.toMatchObject({ code: 'token_expired' })
    const refresh = await s.core.call('token.refresh', { profileId: s.profileId })
    expect(refresh.entry).toMatchObject({ outcome: 'skipped' })
    expect(refresh.entry.note).toContain('cannot be exchanged')
    const before = (await s.core.call('token.log', { profileId: s.profileId, limit: 100 })).entries.length
    for (let i = 0; i < 30; i++) await s.advance(10 * MINUTE)
    const after = (await s.core.call('token.log', { profileId: s.profileId, limit: 100 })).entries.length
    expect(after).toBe(before)
  })

  it('logs a failed refresh with the Graph error when the app secret is wrong', async () => {
    s = await sandboxCore()
    await s.core.call('token.inspect', { profileId: s.profileId })
    await s.core.call('profiles.save', { id: s.profileId, secrets: { appSecret: 'ffffffffffffffffffffffffffffffff', adminToken: null } })
    const { entry, status } = await s.core.call('token.refresh', { profileId: s.profileId })
    expect(entry).toMatchObject({ outcome: 'failure', strategy: 'exchange_system_user' })
    expect(entry.errorCode).not.toBeNull()
    expect(entry.errorMessage).toMatch(/secret/i)
    expect(entry.fbtraceId).toMatch(/\S+/)
    expect(status.lastError).toMatchObject({ code: 'graph' })
  })

  it('writes the refreshed token back into each .env sync target, changing nothing else', async () => {
    s = await sandboxCore()
    await s.core.call('token.inspect', { profileId: s.profileId })
    const old = (await keytarKeychain().get(`${s.profileId}/accessToken`))!
    const file = join(tempDir(), '.env')
    const original = `# bot config\r\nPORT=3000\r\nexport WHATSAPP_TOKEN="${old}"\r\n# trailing comment\r\nVERIFY_TOKEN=abc\r\n`
    writeFileSync(file, original, { mode: 0o640 })
    s.core.store.envTargets.upsert({ profileId: s.profileId, path: file, variable: 'WHATSAPP_TOKEN', addedAt: 0 })
    // A renewal in the same second as the token's issue would come back with the same expiry (no gain).
    s.clock.advance(MINUTE)
    const { entry } = await s.core.call('token.refresh', { profileId: s.profileId })
    expect(entry.note).toBe('Written to 1 .env file')
    const fresh = (await keytarKeychain().get(`${s.profileId}/accessToken`))!
    expect(readFileSync(file, 'utf8')).toBe(original.replace(old, fresh))
  })
})

describe('single flight', () => {
  let core: CoreServices
  let sandbox: Sandbox
  let proxy: CountingProxy
  afterEach(async () => {
    await core.close()
    await sandbox.close()
    await proxy.close()
  })

  it('1000 concurrent sends hitting 190 cause exactly one recovery: one mint request reaches Meta', async () => {
    const clock = new ManualClock(Date.now())
    const dataDir = tempDir()
    sandbox = await startSandbox({ dataDir: join(dataDir, 'meta'), clock, customers: false, quirks: false, messagesPerSecond: 100_000, pairBurst: 100_000 })
    proxy = await countingProxy(sandbox.url)
    core = await testCore({ dataDir, clock, graphBaseUrl: proxy.url })
    const { id } = await core.call('profiles.create', { name: 'prod-like' })
    await core.call('profiles.save', {
      id,
      settings: { phoneNumberId: sandbox.phoneNumbers[0]!.id, wabaId: sandbox.wabaId, systemUserId: sandbox.systemUserId },
      secrets: { appId: sandbox.app.id, appSecret: sandbox.app.secret, accessToken: sandbox.currentToken(), adminToken: sandbox.adminToken },
    })
    await core.call('token.inspect', { profileId: id })
    clock.advance(10 * MINUTE)

    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => send(core, id, `1555000${String(i).padStart(4, '0')}`)))
    expect(results.every((r) => r.messages[0]!.id.startsWith('wamid.'))).toBe(true)
    expect(proxy.count(/^POST \/v25\.0\/\d+\/access_tokens$/)).toBe(1)
    const entries = (await core.call('token.log', { profileId: id, limit: 10 })).entries
    expect(entries.filter((e) => e.strategy === 'mint')).toHaveLength(1)
  }, 60_000)
})
