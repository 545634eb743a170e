import { afterEach, describe, expect, it } from 'vitest'
import type { OutgoingMessage } from '@shared/contract'
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

describe('stats.messages: the messages behind each figure of the funnel', () => {
  it('lists, for every stage, failure code and template, exactly the messages the funnel counts, newest first and paged', async () => {
    const s = (sandbox = await sandboxCore())
    const minute = 60_000
    const since = s.clock.now() - minute
    await s.core.call('sandbox.simulateInbound', { type: 'text', from: '12015550123' })
    await s.advance(2000)
    const send = (to: string, message: OutgoingMessage) => s.core.call('composer.send', { to, message })
    for (let i = 0; i < 3; i++) {
      await send('12015550123', { kind: 'text', body: `update ${i}` })
      await s.advance(1000)
    }
    await send('12015550123', { kind: 'template', name: 'hello_world', language: 'en_US' })
    await send('12015550123', { kind: 'template', name: 'order_update', language: 'en_US', body: ['Ana', '#1042', 'Friday'], buttons: [{ index: 0, subType: 'url', value: '1042' }] })
    await send('+12015550188', { kind: 'text', body: 'Hello out of the blue' })
    for (let i = 0; i < 2; i++) await send('+12015550000', { kind: 'template', name: 'hello_world', language: 'en_US' })
    for (let i = 0; i < 30; i++) await s.advance(2000)
    const range = { since, until: s.clock.now() + minute }
    const stats = await s.core.call('stats.summary', range)
    expect(stats.funnel).toMatchObject({ sent: 8, failed: 3 })
    expect(stats.funnel.read).toBeGreaterThan(0)

    const total = async (input: { stage: 'sent' | 'delivered' | 'read' | 'failed'; code?: number | null; template?: string }) =>
      (await s.core.call('stats.messages', { ...range, ...input, limit: 500 })).total
    for (const stage of ['sent', 'delivered', 'read', 'failed'] as const) expect(await total({ stage }), stage).toBe(stats.funnel[stage])
    expect(stats.failedByCode.length).toBe(2)
    for (const row of stats.failedByCode) expect(await total({ stage: 'failed', code: row.code }), String(row.code)).toBe(row.count)
    expect(await total({ stage: 'failed', code: null })).toBe(0)
    expect(stats.templates.map((t) => t.name).sort()).toEqual(['hello_world', 'order_update'])
    for (const t of stats.templates) for (const stage of ['sent', 'delivered', 'read', 'failed'] as const) expect(await total({ stage, template: t.name }), `${t.name} ${stage}`).toBe(t[stage])

    const failed = await s.core.call('stats.messages', { ...range, stage: 'failed', code: 131026, limit: 10 })
    expect(failed.messages.map((m) => [m.direction, m.type, m.status, m.hint !== null])).toEqual([
      ['out', 'template', 'failed', true],
      ['out', 'template', 'failed', true],
    ])
    // Pages of two, newest first, add up to the whole list.
    const all = (await s.core.call('stats.messages', { ...range, stage: 'sent', limit: 500 })).messages
    expect(all.map((m) => m.timestamp)).toEqual(all.map((m) => m.timestamp).sort((a, b) => b - a))
    const paged = []
    for (let offset = 0; offset < all.length; offset += 2) paged.push(...(await s.core.call('stats.messages', { ...range, stage: 'sent', limit: 2, offset })).messages)
    expect(paged.map((m) => m.id)).toEqual(all.map((m) => m.id))
    expect(await s.core.call('stats.messages', { ...range, stage: 'sent', limit: 2, offset: 100 })).toEqual({ messages: [], total: 8 })
  })

  it('finds a message that failed without a code, and refuses a code for another stage or a range that ends before it starts', async () => {
    hook = await webhookHarness()
    const now = hook.core.context.clock.now()
    const minute = 60_000
    const id = wamid('out')
    expect((await hook.post(statusUpdate(id, '15551230001', 'sent', now - 2 * minute))).status).toBe(200)
    expect((await hook.post(statusUpdate(id, '15551230001', 'failed', now - minute))).status).toBe(200)
    const range = { since: now - 60 * minute, until: now + minute }
    const stats = await hook.core.call('stats.summary', range)
    expect(stats.failedByCode).toEqual([{ code: null, title: null, count: 1 }])
    expect(stats.graphErrors.codes).toEqual([{ code: null, title: null, hint: expect.stringMatching(/no error code/) as string, refused: 0, failed: 1, count: 1 }])
    const found = await hook.core.call('stats.messages', { ...range, stage: 'failed', code: null, limit: 10 })
    expect(found).toMatchObject({ total: 1, messages: [{ wamid: id, status: 'failed' }] })
    await expect(hook.core.call('stats.messages', { ...range, stage: 'read', code: 131026, limit: 10 })).rejects.toMatchObject({ code: 'invalid_input' })
    await expect(hook.core.call('stats.messages', { since: now, until: now - minute, stage: 'sent', limit: 10 })).rejects.toMatchObject({ code: 'invalid_input' })
  })
})
