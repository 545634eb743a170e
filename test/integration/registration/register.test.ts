import { afterEach, describe, expect, it } from 'vitest'
import type { NgrokForwarder } from '../../../src/main/core/tunnel'
import { ScriptedTunnel } from '../../support/scripted-tunnel'
import { countingProxy, type CountingProxy } from '../../support/counting-proxy'
import { sandboxCore, type SandboxCore } from '../../support/sandbox-core'
import { webhookHarness } from '../../support/webhook'
import { GraphClient } from '../sandbox/helpers/graph-client'

describe('registering the tunnel with Meta (the sandbox)', () => {
  let box: SandboxCore
  const closers: (() => Promise<unknown>)[] = []

  afterEach(async () => {
    await box.core.close()
    for (const close of closers.splice(0)) await close()
  })

  async function setUp() {
    box = await sandboxCore()
    const sandbox = box.core.sandbox.running!
    const listenerUrl = box.core.webhook.status().url!
    return {
      core: box.core,
      sandbox,
      listenerUrl,
      phoneId: sandbox.phoneNumbers[0]!.id,
      graph: new GraphClient(sandbox.url),
      health: () => box.core.call('registration.health'),
    }
  }

  /** A "public URL" on loopback that forwards to the listener and counts what passes. */
  async function publicUrl(): Promise<CountingProxy> {
    const proxy = await countingProxy(`http://127.0.0.1:${box.core.webhook.status().port}`)
    closers.push(() => proxy.close())
    return proxy
  }

  it("points this number's override at the tunnel after Meta's verification GET reaches the listener, and Stop removes it", async () => {
    const { core, phoneId, listenerUrl, health } = await setUp()
    const proxy = await publicUrl()
    await core.call('tunnel.start', { provider: 'manual', url: proxy.url })
    const verifiedBefore = (await core.call('webhook.requests', { limit: 50, verdict: 'verified' })).items.length

    const result = await core.call('registration.register', {})
    const callbackUrl = `${proxy.url}/webhook`
    expect(result).toMatchObject({ mode: 'phone_number', callbackUrl, warning: null })
    expect(result.steps).toEqual([{ request: `POST /${phoneId} webhook_configuration.override_callback_uri`, answer: { success: true } }])
    expect(result.record).toMatchObject({ mode: 'phone_number', targetId: phoneId, callbackUrl, previousUrl: null, ownedHere: true })
    expect(result.health).toMatchObject({
      destinations: { phoneNumber: callbackUrl, waba: null, app: listenerUrl },
      effective: { level: 'phone_number', url: callbackUrl },
      pointsAtTunnel: true,
      appSubscribedToWaba: true,
      messagesField: true,
      errors: [],
    })

    // Meta's (the sandbox's) verification GET came through the tunnel and shows in the request inspector.
    const verified = (await core.call('webhook.requests', { limit: 50, verdict: 'verified' })).items
    expect(verified).toHaveLength(verifiedBefore + 1)
    expect(verified[0]!.path).toMatch(/^\/webhook\?.*hub\.verify_token=\[redacted\]/)
    expect(proxy.count(/^GET \/webhook$/)).toBe(2)

    // A customer's message now arrives through the tunnel, production's callback untouched.
    await core.call('sandbox.simulateInbound', { type: 'text' })
    await box.advance(5000)
    expect(proxy.count(/^POST \/webhook$/)).toBeGreaterThanOrEqual(1)
    expect(core.tunnel.status().registrations).toHaveLength(1)

    const stopped = await core.call('tunnel.stop')
    expect(stopped).toMatchObject({ state: 'off', registrations: [] })
    expect(await health()).toMatchObject({ destinations: { phoneNumber: null, app: listenerUrl }, effective: { level: 'app', url: listenerUrl }, pointsAtTunnel: null })
  })

  it("fails with Meta's error and the hint when the tunnel leads to a listener with another verify token", async () => {
    const { core, health } = await setUp()
    const other = await webhookHarness()
    closers.push(() => other.close())
    const elsewhere = await countingProxy(`http://127.0.0.1:${other.port}`)
    closers.push(() => elsewhere.close())
    const forwarder: NgrokForwarder = () => Promise.resolve({ url: () => elsewhere.url, close: () => Promise.resolve() })
    core.tunnel.configure({ ngrokForwarder: forwarder, env: { NGROK_AUTHTOKEN: '2abcDEFghiJKLmnoPQRstuVWX_3yzABCdef' }, selfTestAttempts: 1 })
    expect((await core.call('tunnel.start', { provider: 'ngrok' })).state).toBe('online')
    await core.tunnel.whenIdle()
    expect(core.tunnel.status().selfTest).toMatchObject({ ok: false, status: 403, reachedListener: false })

    const failure = await core.call('registration.register', { mode: 'phone_number' }).catch((error: unknown) => error)
    expect(failure).toMatchObject({
      code: 'graph',
      message: expect.stringMatching(/callback verification failed.*HTTP Status Code = 403/) as string,
      graph: { code: 2200, hint: expect.stringMatching(/verification request did not get the challenge back/) as string },
    })
    // The other listener refused Meta's GET (and the self-test's) and says so in its inspector.
    expect((await other.core.call('webhook.requests', { limit: 10, verdict: 'verify_failed' })).items).toHaveLength(2)
    expect(core.tunnel.status().registrations).toEqual([])
    expect((await health()).destinations.phoneNumber).toBeNull()
  })

  it('sets and removes the WABA override', async () => {
    const { core, sandbox, listenerUrl, health } = await setUp()
    const proxy = await publicUrl()
    await core.call('tunnel.start', { provider: 'manual', url: proxy.url })
    const result = await core.call('registration.register', { mode: 'waba' })
    expect(result.steps.at(-1)).toEqual({ request: `POST /${sandbox.wabaId}/subscribed_apps override_callback_uri`, answer: { success: true } })
    expect(result.health.effective).toEqual({ level: 'waba', url: `${proxy.url}/webhook` })
    expect(result.health.subscribedApps[0]).toMatchObject({ id: sandbox.app.id, overrideCallbackUri: `${proxy.url}/webhook` })

    const removed = await core.call('registration.unregister')
    expect(removed.removed).toHaveLength(1)
    expect(removed.failed).toEqual([])
    expect(await health()).toMatchObject({ destinations: { waba: null }, effective: { level: 'app', url: listenerUrl }, appSubscribedToWaba: true })
  })

  it('replaces the app-wide callback only when told it replaces production, and puts production back on Stop', async () => {
    const { core, sandbox, listenerUrl, health } = await setUp()
    const proxy = await publicUrl()
    await core.call('tunnel.start', { provider: 'manual', url: proxy.url })
    await expect(core.call('registration.register', { mode: 'app' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/replaces the app's production webhook URL/) as string,
    })
    const result = await core.call('registration.register', { mode: 'app', replaceAppCallback: true })
    expect(result.warning).toMatch(/production receives nothing until it is put back/)
    expect(result.record).toMatchObject({ mode: 'app', targetId: sandbox.app.id, previousUrl: listenerUrl })
    expect(result.health).toMatchObject({ destinations: { app: `${proxy.url}/webhook` }, appSubscription: { callbackUrl: `${proxy.url}/webhook` } })

    await core.call('tunnel.stop')
    expect(await health()).toMatchObject({ destinations: { app: listenerUrl }, appSubscription: { callbackUrl: listenerUrl }, messagesField: true })
  })

  it('explains why real messages would never arrive, and subscribes the app to the WABA when registering', async () => {
    const { core, sandbox, graph, health } = await setUp()
    await graph.delete(`/${sandbox.wabaId}/subscribed_apps`, {}, sandbox.adminToken)
    await graph.delete(`/${sandbox.app.id}/subscriptions`, { object: 'whatsapp_business_account' }, `${sandbox.app.id}|${sandbox.app.secret}`)
    const before = await health()
    expect(before).toMatchObject({ appSubscribedToWaba: false, messagesField: false, effective: { level: null, url: null } })
    expect(before.problems.map((p) => p.severity)).toContain('error')
    expect(before.problems.some((p) => /not subscribed to the WhatsApp Business Account/.test(p.message) && /subscribed_apps/.test(p.fix ?? ''))).toBe(true)
    expect(before.problems.some((p) => /no webhook subscription/.test(p.message))).toBe(true)

    const proxy = await publicUrl()
    await core.call('tunnel.start', { provider: 'manual', url: proxy.url })
    const result = await core.call('registration.register', {})
    expect(result.steps[0]).toEqual({ request: `POST /${sandbox.wabaId}/subscribed_apps`, answer: { success: true } })
    expect(result.health).toMatchObject({ appSubscribedToWaba: true, effective: { level: 'phone_number' } })
  })

  it("puts back someone else's earlier override, and leaves one that was changed since alone", async () => {
    const { core, sandbox, phoneId, listenerUrl, graph, health } = await setUp()
    const setOverride = (uri: string) =>
      graph.post(`/${phoneId}`, { webhook_configuration: { override_callback_uri: uri, verify_token: sandbox.verifyToken } }, sandbox.adminToken)
    expect((await setOverride(listenerUrl)).status).toBe(200)

    const proxy = await publicUrl()
    await core.call('tunnel.start', { provider: 'manual', url: proxy.url })
    const result = await core.call('registration.register', {})
    expect(result.record.previousUrl).toBe(listenerUrl)
    await core.call('tunnel.stop')
    expect((await health()).destinations.phoneNumber).toBe(listenerUrl)

    await core.call('tunnel.start', { provider: 'manual', url: proxy.url })
    await core.call('registration.register', {})
    const theirs = `${listenerUrl}?theirs=1`
    expect((await setOverride(theirs)).status).toBe(200)
    const stopped = await core.call('tunnel.stop')
    expect(stopped.registrations).toEqual([])
    expect((await health()).destinations.phoneNumber).toBe(theirs)
  })

  it('registers again by itself when a quick tunnel comes back at a new URL (unless turned off)', async () => {
    const { core, health } = await setUp()
    const [a, b, c] = [await publicUrl(), await publicUrl(), await publicUrl()]
    const tunnel = new ScriptedTunnel(a.url)
    core.tunnel.configure({ providerFactory: (input) => (input.provider === 'cloudflared' ? tunnel : undefined) })
    await core.call('tunnel.start', { provider: 'cloudflared' })
    await core.tunnel.whenIdle()
    await core.call('registration.register', {})

    tunnel.move(b.url)
    await core.tunnel.whenIdle()
    expect((await health()).effective).toEqual({ level: 'phone_number', url: `${b.url}/webhook` })
    expect(core.tunnel.status().registrations).toEqual([expect.objectContaining({ callbackUrl: `${b.url}/webhook`, previousUrl: null })])
    expect(core.tunnel.status().selfTest).toMatchObject({ ok: true })

    expect((await core.call('tunnel.setAutoReregister', { enabled: false })).autoReregister).toBe(false)
    tunnel.move(c.url)
    await core.tunnel.whenIdle()
    const stale = await health()
    expect(stale.effective.url).toBe(`${b.url}/webhook`)
    expect(stale.pointsAtTunnel).toBe(false)
    expect(stale.problems.some((p) => p.message.includes(`points at ${b.url}/webhook, a tunnel that is not this one`))).toBe(true)
  })
})
