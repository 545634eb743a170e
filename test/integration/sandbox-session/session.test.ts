import { afterEach, describe, expect, it } from 'vitest'
import type { CoreServices } from '../../../src/main/core'
import { ManualClock } from '../../../src/main/core'
import { testCore } from '../../support/core'

describe('sandbox session', () => {
  let core: CoreServices
  afterEach(() => core.close())

  async function sandboxCore() {
    const clock = new ManualClock(Date.now())
    core = await testCore({ clock })
    await core.webhook.start(0)
    const status = await core.call('sandbox.start', { customers: false })
    return { clock, status }
  }

  it('creates the active sandbox profile with its secrets in the keychain and points webhooks here', async () => {
    const { status } = await sandboxCore()
    expect(status).toMatchObject({ running: true, webhookProblem: null })
    const info = await core.call('app.info')
    expect(info).toMatchObject({ profile: 'sandbox', sandbox: true, graphBaseUrl: status.url })
    const profile = await core.call('profiles.get', { id: status.profileId! })
    expect(profile).toMatchObject({ kind: 'sandbox', active: true, appId: status.appId })
    expect(profile.secrets.accessToken.state).toBe('set')
    expect(profile.secrets.appSecret.state).toBe('set')
    const verified = await core.call('webhook.requests', { limit: 10, verdict: 'verified' })
    expect(verified.items).toHaveLength(1)
  })

  it('tests the connection against the sandbox: token kind, expiry and the phone number', async () => {
    const { status } = await sandboxCore()
    const result = await core.call('profiles.testConnection', { id: status.profileId! })
    expect(result.tokenError).toBeNull()
    expect(result.token).toMatchObject({ valid: true, kind: 'system_user_expiring', type: 'SYSTEM_USER', appId: status.appId })
    expect(result.token!.scopes).toEqual(expect.arrayContaining(['whatsapp_business_messaging', 'whatsapp_business_management']))
    expect(result.phone).toMatchObject({ id: status.phoneNumbers[0]!.id, verifiedName: expect.any(String) as string, qualityRating: 'GREEN' })
  })

  it('reports an expired token as Graph 190/463 with the fix', async () => {
    const { status, clock } = await sandboxCore()
    clock.advance(60 * 60 * 1000)
    const result = await core.call('profiles.testConnection', { id: status.profileId! })
    expect(result.token).toMatchObject({ valid: false, error: { code: 190, subcode: 463 } })
    expect(result.phoneError).toMatchObject({ code: 'token_expired', graph: { code: 190, subcode: 463 } })
    expect(result.phoneError!.graph!.hint).toMatch(/expired/i)
  })

  it('delivers a simulated customer\'s message, signed, into the inbox', async () => {
    const { clock } = await sandboxCore()
    const { wamid } = await core.call('sandbox.simulateInbound', { type: 'location' })
    clock.advance(2000)
    await core.sandbox.running!.whenIdle()
    core.webhook.committer.flush()
    const recent = await core.call('inbox.recent', { limit: 5 })
    expect(recent.messages.map((m) => m.wamid)).toContain(wamid)
    expect(recent.messages.find((m) => m.wamid === wamid)).toMatchObject({ direction: 'in', type: 'location' })
    await expect(core.call('sandbox.simulateInbound', { type: 'telepathy' })).rejects.toMatchObject({ code: 'invalid_input' })
  })

  it('keeps the sandbox profile\'s token valid across a restart', async () => {
    const { status } = await sandboxCore()
    const dataDir = core.context.config.dataDir
    await core.close()
    core = await testCore({ dataDir, clock: new ManualClock(Date.now()) })
    await core.webhook.start(0)
    const again = await core.call('sandbox.start', { customers: false })
    expect(again.appId).toBe(status.appId)
    const result = await core.call('profiles.testConnection', { id: again.profileId! })
    expect(result.token?.valid).toBe(true)
  })
})
