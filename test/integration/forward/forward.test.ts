import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CoreServices, ManualClock } from '../../../src/main/core'
import { Bot } from '../../support/bot'
import { sign } from '../../support/signing'
import { tempDir } from '../../support/temp'
import { inbound } from '../../support/webhook-payloads'
import { webhookHarness, type WebhookHarness } from '../../support/webhook'

const policy = { firstRetryMs: 1_000, maxRetryMs: 8_000, pauseAfterFailures: 3, firstProbeMs: 5_000, maxProbeMs: 20_000, timeoutMs: 2_000 }

let open: { hook: WebhookHarness; bots: Bot[] }[] = []

async function harness(options: { dataDir?: string; start?: boolean } = {}) {
  const hook = await webhookHarness({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), config: { forwardPolicy: policy } })
  const bot = await new Bot().start()
  const entry = { hook, bots: [bot] }
  open.push(entry)
  if (options.start !== false) hook.core.forward.start()
  return { hook, core: hook.core, bot, clock: hook.core.context.clock as ManualClock }
}

afterEach(async () => {
  for (const { hook, bots } of open) {
    await hook.close()
    for (const bot of bots) await bot.stop()
  }
  open = []
})

const jobStates = (core: CoreServices) =>
  core.store.db.prepare('SELECT state, COUNT(*) AS n FROM forward_jobs GROUP BY state ORDER BY state').all() as { state: string; n: number }[]

describe('forwarding accepted deliveries to the operator’s bot', () => {
  it('passes each delivery on byte for byte with Meta’s signature, so the bot verifies it with the same app secret', async () => {
    const { hook, core, bot } = await harness()
    await core.call('forward.addTarget', { url: bot.url })
    // Meta's escaping (\/ and \uXXXX) must survive the trip: the signature is over these exact bytes.
    const raw = JSON.stringify(inbound('15551234567', 'Ana', { type: 'text', text: { body: 'olá 👋 a/b' } })).replaceAll('/', '\\/')
    expect((await hook.post(null, { raw })).status).toBe(200)
    await vi.waitFor(() => expect(bot.received).toHaveLength(1))
    const [received] = bot.received
    expect(received!.body.toString('utf8')).toBe(raw)
    expect(received!.headers['x-hub-signature-256']).toBe(sign(raw, hook.appSecret))
    expect(received!.headers['content-type']).toBe('application/json')
    expect(received!.headers['x-switchboard-forward']).toBe('live')
    expect(received!.url).toBe('/hook')

    const [request] = (await core.call('webhook.requests', { limit: 1 })).items
    await vi.waitFor(async () => {
      const { items } = await core.call('forward.jobs', { requestId: request!.id })
      expect(items).toMatchObject([{ kind: 'live', state: 'delivered', targetUrl: bot.url, attempts: [{ status: 200, error: null, answer: 'ok' }] }])
    })
  })

  it('never forwards what the listener refused', async () => {
    const { hook, core, bot } = await harness()
    await core.call('forward.addTarget', { url: bot.url })
    expect((await hook.post(inbound('15551234567', 'Ana', { type: 'text', text: { body: 'forged' } }), { secret: 'not-the-app-secret' })).status).toBe(401)
    expect((await hook.post(inbound('15551234567', 'Ana', { type: 'text', text: { body: 'real' } }))).status).toBe(200)
    await vi.waitFor(() => expect(bot.bodies()).toHaveLength(1))
    expect(bot.bodies()[0]).toContain('real')
    expect(jobStates(core)).toEqual([{ state: 'delivered', n: 1 }])
  })

  it('commits the forward with the delivery, before the 200: a Switchboard that stops before sending sends after its restart', async () => {
    const dataDir = tempDir()
    const first = await harness({ dataDir, start: false })
    await first.core.call('forward.addTarget', { url: first.bot.url })
    for (let i = 0; i < 5; i++) expect((await first.hook.post(inbound('15551234567', 'Ana', { type: 'text', text: { body: `m${i}` } }))).status).toBe(200)
    expect(jobStates(first.core)).toEqual([{ state: 'pending', n: 5 }])
    await first.hook.close()

    const second = await webhookHarness({ dataDir, config: { forwardPolicy: policy } })
    open.push({ hook: second, bots: [] })
    second.core.forward.start()
    await vi.waitFor(() => expect(first.bot.bodies()).toHaveLength(5))
    expect(first.bot.bodies().map((body) => /"body":"(m\d)"/.exec(body)![1]).sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4'])
  })

  it('retries a failing bot with backoff, pauses it, and delivers everything by itself once it answers again', async () => {
    const { hook, core, bot, clock } = await harness()
    const { targets } = await core.call('forward.addTarget', { url: bot.url })
    const targetId = targets[0]!.id
    await bot.stop()
    for (let i = 0; i < 4; i++) expect((await hook.post(inbound('15551234567', 'Ana', { type: 'text', text: { body: `while down ${i}` } }))).status).toBe(200)

    // Three failures in a row pause the target.
    await vi.waitFor(async () => expect((await core.call('forward.status')).targets[0]!.health.state).toBe('paused'))
    const paused = (await core.call('forward.status')).targets[0]!
    expect(paused.health.lastError).toMatch(/connection refused/)
    expect(paused.counts.pending).toBe(4)
    expect(paused.health.nextProbeAt).toBe(clock.now() + policy.firstProbeMs)

    // A probe that fails waits twice as long for the next one.
    clock.advance(policy.firstProbeMs)
    await vi.waitFor(() => expect(attempts(core)).toBeGreaterThanOrEqual(4))
    await vi.waitFor(async () => expect((await core.call('forward.status')).targets[0]!.health.nextProbeAt).toBe(clock.now() + 2 * policy.firstProbeMs))
    const triedWhilePaused = attempts(core)

    await bot.start()
    clock.advance(2 * policy.firstProbeMs)
    await vi.waitFor(() => expect(bot.bodies()).toHaveLength(4))
    expect(new Set(bot.bodies().map((body) => /while down \d/.exec(body)![0])).size).toBe(4)
    await vi.waitFor(async () => {
      const status = (await core.call('forward.status')).targets[0]!
      expect(status.health).toMatchObject({ state: 'ok', pausedSince: null, failures: 0 })
      expect(status.counts).toMatchObject({ pending: 0, delivered: 4 })
    })
    // Paused means one probe at a time, not a retry per delivery.
    expect(triedWhilePaused).toBeLessThanOrEqual(5)
    expect(core.store.forward.target(targetId)!.pausedAt).toBeNull()
  })

  it('gives up after the horizon; `forward.retry` revives what was given up and sends it now', async () => {
    const { hook, core, bot, clock } = await harness()
    await core.call('forward.addTarget', { url: bot.url })
    await core.call('forward.setHorizon', { hours: 1 })
    bot.status = 500
    expect((await hook.post(inbound('15551234567', 'Ana', { type: 'text', text: { body: 'late' } }))).status).toBe(200)
    await vi.waitFor(() => expect(bot.received).toHaveLength(1))
    expect((await core.call('forward.status')).targets[0]!.health).toMatchObject({ state: 'retrying', lastError: 'The bot answered HTTP 500' })

    clock.advance(61 * 60 * 1000)
    await vi.waitFor(async () => expect((await core.call('forward.status')).targets[0]!.counts).toMatchObject({ pending: 0, expired: 1 }))
    const sent = bot.received.length

    bot.status = 200
    const status = await core.call('forward.retry', {})
    expect(status.targets[0]!.health.state).not.toBe('paused')
    await vi.waitFor(() => expect(bot.received.length).toBe(sent + 1))
    await vi.waitFor(async () => expect((await core.call('forward.status')).targets[0]!.counts).toMatchObject({ delivered: 1, expired: 0 }))
  })

  it('signs with the target’s own secret when asked (a bot on another app); the secret stays in the keychain', async () => {
    const { hook, core, bot } = await harness()
    const status = await core.call('forward.addTarget', { url: bot.url, signingSecret: 'other-app-secret-123' })
    expect(JSON.stringify(status)).not.toContain('other-app-secret-123')
    expect(JSON.stringify(core.store.db.prepare('SELECT * FROM forward_targets').all())).not.toContain('other-app-secret-123')
    expect((await hook.post(inbound('15551234567', 'Ana', { type: 'text', text: { body: 'hi' } }))).status).toBe(200)
    await vi.waitFor(() => expect(bot.received).toHaveLength(1))
    expect(bot.received[0]!.headers['x-hub-signature-256']).toBe(sign(bot.received[0]!.body, 'other-app-secret-123'))
  })

  it('replays stored deliveries as received, and resends an edited body signed anew with the app secret', async () => {
    const { hook, core, bot } = await harness()
    for (const body of ['before', 'other']) {
      expect((await hook.post(inbound(body === 'other' ? '15550000001' : '15551234567', 'Ana', { type: 'text', text: { body } }))).status).toBe(200)
    }
    const { targets } = await core.call('forward.addTarget', { url: bot.url })
    const targetId = targets[0]!.id
    // Added after the deliveries: nothing is forwarded until asked.
    expect(bot.received).toHaveLength(0)

    expect(await core.call('forward.replay', { contact: '15551234567' })).toEqual({ queued: 1, targets: 1 })
    await vi.waitFor(() => expect(bot.bodies()).toHaveLength(1))
    expect(bot.bodies()[0]).toContain('before')
    expect(bot.received[0]!.headers['x-switchboard-forward']).toBe('replay')

    // Failures only: what this target has not received yet.
    expect(await core.call('forward.replay', { targetId, failuresOnly: true })).toEqual({ queued: 1, targets: 1 })
    await vi.waitFor(() => expect(bot.bodies()).toHaveLength(2))
    expect(bot.bodies()[1]).toContain('other')

    const requestId = (await core.call('webhook.requests', { limit: 10, verdict: 'accepted' })).items.at(-1)!.id
    const original = (await core.call('webhook.request', { id: requestId })).body!
    const edited = original.replace('before', 'edited by the operator')
    expect(await core.call('forward.resend', { requestId, targetId, body: edited })).toEqual({ queued: 1, targets: 1 })
    await vi.waitFor(() => expect(bot.bodies()).toHaveLength(3))
    const resent = bot.received[2]!
    expect(resent.body.toString('utf8')).toBe(edited)
    expect(resent.headers['x-hub-signature-256']).toBe(sign(edited, hook.appSecret))
    expect(resent.headers['x-switchboard-forward']).toBe('edited')
    await vi.waitFor(async () => {
      const kinds = (await core.call('forward.jobs', { requestId })).items.map((job) => [job.kind, job.state])
      expect(kinds).toEqual([
        ['replay', 'delivered'],
        ['edited', 'delivered'],
      ])
    })

    await expect(core.call('forward.resend', { requestId, targetId, body: '{not json' })).rejects.toMatchObject({ code: 'invalid_input' })

    // A refused (forged) request is stored for the inspector but is never replayed to the bot.
    expect((await hook.post(inbound('15551234567', 'Mallory', { type: 'text', text: { body: 'forged' } }), { secret: 'not-the-app-secret' })).status).toBe(401)
    const forged = (await core.call('webhook.requests', { limit: 1, verdict: 'rejected' })).items[0]!.id
    await expect(core.call('forward.replay', { requestIds: [forged] })).rejects.toMatchObject({ code: 'not_found' })
  })

  it('passes Meta’s handshake through only when asked, with the verify token Meta sent', async () => {
    const { hook, core, bot } = await harness()
    const { targets } = await core.call('forward.addTarget', { url: bot.url })
    const handshake = () => fetch(`${hook.url}?hub.mode=subscribe&hub.verify_token=${hook.verifyToken}&hub.challenge=1158201444`)
    expect(await (await handshake()).text()).toBe('1158201444')
    await core.call('forward.updateTarget', { id: targets[0]!.id, passVerification: true })
    expect(await (await handshake()).text()).toBe('1158201444')
    await vi.waitFor(() => expect(bot.received).toHaveLength(1))
    expect(bot.received[0]!.method).toBe('GET')
    const query = new URL(bot.received[0]!.url, 'http://bot').searchParams
    expect(Object.fromEntries(query)).toEqual({ 'hub.mode': 'subscribe', 'hub.verify_token': hook.verifyToken, 'hub.challenge': '1158201444' })
  })

  it('refuses target URLs that would leak customers’ messages or cannot work, saying why', async () => {
    const { core, bot } = await harness()
    await expect(core.call('forward.addTarget', { url: 'http://bot.example.com/hook' })).rejects.toMatchObject({ code: 'invalid_input' })
    await expect(core.call('forward.addTarget', { url: 'http://bot.example.com/hook' })).rejects.toThrow(/would carry customers' messages unencrypted/)
    await expect(core.call('forward.addTarget', { url: 'not a url' })).rejects.toThrow(/is not a URL/)
    await expect(core.call('forward.addTarget', { url: 'https://user:pw@bot.example.com/hook' })).rejects.toMatchObject({ code: 'invalid_input' })
    await core.call('forward.addTarget', { url: bot.url })
    await expect(core.call('forward.addTarget', { url: `${bot.url}#again` })).rejects.toMatchObject({ code: 'conflict' })
    expect((await core.call('forward.status')).targets).toHaveLength(1)
  })

  it('keeps a delivery that is still on its way to the bot from retention, and lets it go once done', async () => {
    const { hook, core, bot, clock } = await harness()
    await core.call('forward.addTarget', { url: bot.url })
    await core.call('forward.setHorizon', { hours: 48 })
    await core.call('webhook.setRetention', { days: 1 })
    await bot.stop()
    expect((await hook.post(inbound('15551234567', 'Ana', { type: 'text', text: { body: 'keep me' } }))).status).toBe(200)
    const requests = () => (core.store.db.prepare("SELECT COUNT(*) AS n FROM webhook_requests WHERE verdict = 'accepted'").get() as { n: number }).n
    // Past the retention period, still within the retry horizon: kept.
    clock.advance(30 * 60 * 60 * 1000)
    expect(core.store.inbox.pruneRequests(clock.now())).toBe(0)
    expect(requests()).toBe(1)
    expect(jobStates(core)).toEqual([{ state: 'pending', n: 1 }])
    // Given up after the horizon: the next prune takes the request and its forward with it.
    clock.advance(30 * 60 * 60 * 1000)
    expect(requests()).toBe(0)
    expect(jobStates(core)).toEqual([])
  })
})

function attempts(core: CoreServices): number {
  return (core.store.db.prepare('SELECT COUNT(*) AS n FROM forward_attempts').get() as { n: number }).n
}
