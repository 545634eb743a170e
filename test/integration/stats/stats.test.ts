import { afterEach, describe, expect, it } from 'vitest'
import type { ManualClock } from '../../../src/main/core'
import { inbound, statusUpdate, wamid } from '../../support/webhook-payloads'
import { sandboxCore, type SandboxCore } from '../../support/sandbox-core'
import { webhookHarness, type WebhookHarness } from '../../support/webhook'

let hook: WebhookHarness | undefined
let sandbox: SandboxCore | undefined
afterEach(async () => {
  await hook?.close()
  await sandbox?.core.close()
  hook = undefined
  sandbox = undefined
})

describe('stats.summary: the numbers behind the health charts', () => {
  it('counts messages per bucket, the delivery funnel with failures by code, delivery times, webhook outcomes and lag', async () => {
    hook = await webhookHarness()
    const core = hook.core
    const clock = core.context.clock as ManualClock
    const now = clock.now()
    const minute = 60_000
    // Two customer messages, a minute old when they arrive (Meta's timestamp is in seconds).
    for (const body of ['a', 'b']) expect((await hook.post(inbound('15551230001', 'Ana', { type: 'text', text: { body } }, now - minute))).status).toBe(200)
    // Two messages the bot sent (statuses only): one read, one failed with Meta's code.
    const read = wamid('out')
    const failed = wamid('out')
    for (const [status, at] of [
      ['sent', now - 10 * minute],
      ['delivered', now - 9 * minute],
      ['read', now - 5 * minute],
    ] as const) {
      expect((await hook.post(statusUpdate(read, '15551230001', status, at))).status).toBe(200)
    }
    expect((await hook.post(statusUpdate(failed, '15551230001', 'sent', now - 8 * minute))).status).toBe(200)
    const errors = [{ code: 131026, title: 'Message undeliverable' }]
    expect((await hook.post(statusUpdate(failed, '15551230001', 'failed', now - 7 * minute, { errors }))).status).toBe(200)
    expect((await hook.post(inbound('15551230001', 'Mallory', { type: 'text', text: { body: 'forged' } }), { secret: 'not-the-app-secret' })).status).toBe(401)

    const stats = await core.call('stats.summary', { since: now - 60 * minute, until: now + minute })
    expect(stats.bucket).toBe('15m')
    expect(stats.buckets).toHaveLength(5)
    expect(stats.buckets.reduce((n, b) => n + b.inbound, 0)).toBe(2)
    expect(stats.buckets.reduce((n, b) => n + b.outbound, 0)).toBe(2)
    expect(stats.buckets.reduce((n, b) => n + b.failed, 0)).toBe(1)
    expect(stats.funnel).toEqual({ sent: 2, delivered: 1, read: 1, failed: 1 })
    expect(stats.failedByCode).toEqual([{ code: 131026, title: 'Message undeliverable', count: 1 }])
    // The read message was sent 10 minutes ago (its first status): delivered a minute later, read 5 minutes after sending.
    expect(stats.toDelivered).toEqual({ count: 1, medianMs: minute, p95Ms: minute })
    expect(stats.toRead).toEqual({ count: 1, medianMs: 5 * minute, p95Ms: 5 * minute })
    expect(stats.requests).toMatchObject({ accepted: 7, rejected: 1 })
    expect(stats.rejectedByReason).toEqual([{ reason: 'X-Hub-Signature-256 does not match the body signed with the app secret', count: 1 }])
    // Arrival minus Meta's time, all arriving now: 1, 1 (messages), 5, 7, 8, 9, 10 minutes (statuses).
    expect(stats.webhookLag).toEqual({ count: 7, medianMs: 7 * minute, p95Ms: 10 * minute })

    // The default: the last 24 hours in 96 buckets of 15 minutes.
    const day = await core.call('stats.summary')
    expect(day.buckets).toHaveLength(96)
    expect(day.until - day.since).toBe(24 * 60 * minute)
  })

  it('picks a bucket that keeps a chart readable, and refuses one that would not', async () => {
    hook = await webhookHarness()
    const now = hook.core.context.clock.now()
    const day = 24 * 60 * 60_000
    expect((await hook.core.call('stats.summary', { since: now - 7 * day, until: now })).bucket).toBe('hour')
    expect((await hook.core.call('stats.summary', { since: now - 30 * day, until: now })).buckets).toHaveLength(30)
    await expect(hook.core.call('stats.summary', { since: now - 60 * day, until: now, bucket: '15m' })).rejects.toThrow(/more than 2,000 points/)
    await expect(hook.core.call('stats.summary', { since: now, until: now - day })).rejects.toMatchObject({ code: 'invalid_input' })
  })
})

describe('stats.summary: Graph errors by code', () => {
  it('counts sends Graph refused at once and messages that failed later, per bucket and per code with its hint', async () => {
    const s = (sandbox = await sandboxCore())
    const minute = 60_000
    const since = s.clock.now() - minute
    await s.core.call('sandbox.simulateInbound', { type: 'text', from: '12015550123' })
    await s.advance(2000)
    // Refused at once: a template that does not exist.
    await expect(s.core.call('composer.send', { to: '12015550123', message: { kind: 'template', name: 'no_such_template', language: 'en_US' } })).rejects.toMatchObject({
      graph: { code: 132001 },
    })
    // Accepted, failed later: free-form to a customer who never wrote (131047), templates to a number not on WhatsApp (131026).
    await s.core.call('composer.send', { to: '+12015550188', message: { kind: 'text', body: 'Hello out of the blue' } })
    for (let i = 0; i < 2; i++) await s.core.call('composer.send', { to: '+12015550000', message: { kind: 'template', name: 'hello_world', language: 'en_US' } })
    for (let i = 0; i < 10; i++) await s.advance(2000)
    // Twenty minutes on, in the next bucket: refused with 100.
    await s.advance(20 * minute)
    await s.core.call('sandbox.setRequireAppSecret', { on: true })
    await expect(s.core.call('composer.send', { to: '12015550123', message: { kind: 'text', body: 'hi' } })).rejects.toMatchObject({ graph: { code: 100 } })

    const stats = await s.core.call('stats.summary', { since, until: s.clock.now() + minute, bucket: '15m' })
    const quarter = 15 * minute
    expect(stats.graphErrors.buckets).toEqual([
      { start: since, code: 131026, count: 2 },
      { start: since, code: 131047, count: 1 },
      { start: since, code: 132001, count: 1 },
      { start: since + quarter, code: 100, count: 1 },
    ])
    expect(stats.graphErrors.codes).toEqual([
      { code: 131026, title: expect.any(String) as string, hint: expect.stringMatching(/undeliverable/) as string, refused: 0, failed: 2, count: 2 },
      { code: 100, title: expect.stringMatching(/appsecret_proof/) as string, hint: expect.stringMatching(/rejected a parameter/) as string, refused: 1, failed: 0, count: 1 },
      { code: 131047, title: expect.any(String) as string, hint: expect.stringMatching(/24-hour/) as string, refused: 0, failed: 1, count: 1 },
      { code: 132001, title: expect.any(String) as string, hint: expect.stringMatching(/template does not exist/) as string, refused: 1, failed: 0, count: 1 },
    ])
    // The failed ones are the funnel's.
    expect(stats.funnel.failed).toBe(3)
    expect(stats.failedByCode.map((f) => [f.code, f.count])).toEqual(expect.arrayContaining([[131026, 2], [131047, 1]]))
    // Outside the range, nothing.
    const before = await s.core.call('stats.summary', { since: since - 60 * minute, until: since })
    expect(before.graphErrors).toEqual({ buckets: [], codes: [] })
  })
})
