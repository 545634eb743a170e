import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ManualClock } from '../../../src/main/core'
import type { CapturedRequest, CaptureResult, InboxChange } from '../../../src/main/core/store'
import { parseDelivery } from '../../../src/main/core/webhook'
import { inbound } from '../../support/webhook-payloads'
import { webhookHarness, type WebhookHarness } from '../../support/webhook'

/**
 * A burst is acknowledged once its raw requests are committed; the inbox files their messages
 * right after. These pin down that nothing acknowledged is lost on the way: not by a restart,
 * not by retention, not by one delivery that cannot be filed.
 */

const delivery = (hook: WebhookHarness, from: string, text: string, at: number): CapturedRequest => {
  const body = JSON.stringify(inbound(from, 'Burst', { type: 'text', text: { body: text } }, at))
  return {
    receivedAt: at,
    method: 'POST',
    path: '/webhook',
    remote: '127.0.0.1',
    headers: {},
    body,
    size: body.length,
    verdict: 'accepted',
    status: 200,
    reason: null,
    signature: 'valid',
    profileId: hook.core.active.snapshot().profile!.id,
    delivery: parseDelivery(JSON.parse(body), at),
  }
}

const burst = (hook: WebhookHarness, from: string, count: number, start = Date.now() - 60_000) =>
  Array.from({ length: count }, (_, i) => delivery(hook, from, `burst message ${i}`, start + i * 1000))

const pendingRows = (hook: WebhookHarness) => (hook.core.store.db.prepare('SELECT COUNT(*) AS n FROM webhook_requests WHERE inbox_pending = 1').get() as { n: number }).n

/** Committed requests left for the backlog, as the committer leaves them during a burst. */
function leaveUnfiled(hook: WebhookHarness, requests: CapturedRequest[]): void {
  hook.core.store.transaction(() => {
    for (const request of requests) hook.core.store.capture.record(request, true)
  })
  hook.core.webhook.backlog.added(requests.length)
}

async function untilFiled(hook: WebhookHarness): Promise<void> {
  await vi.waitFor(() => expect(hook.core.webhook.backlog.pending).toBe(0), { timeout: 2000, interval: 10 })
}

describe('inbox backlog', () => {
  let hook: WebhookHarness
  afterEach(() => hook.close())

  it('acknowledges a burst once its raw requests are committed, then files every message in order', async () => {
    hook = await webhookHarness()
    const from = '4915700000001'
    const changes: InboxChange[] = []
    hook.core.events.on('inbox.changed', (change) => changes.push(change))
    const acks = await Promise.all(burst(hook, from, 40).map((request) => hook.core.webhook.committer.submit(request)))

    // Acknowledged with the raw requests stored; none was filed before its answer.
    expect(acks).toHaveLength(40)
    expect(acks.every((ack) => ack.newMessages === 0)).toBe(true)

    await untilFiled(hook)
    const { messages, contact } = await hook.core.call('inbox.thread', { contact: from, limit: 100 })
    expect(messages.map((m) => m.text).reverse()).toEqual(Array.from({ length: 40 }, (_, i) => `burst message ${i}`))
    expect(contact).toMatchObject({ unread: 40, name: 'Burst' })
    expect(changes.reduce((sum, change) => sum + change.newMessages, 0)).toBe(40)
    expect(pendingRows(hook)).toBe(0)
    expect(hook.core.webhook.status().inboxBacklog).toBe(0)
  })

  it('files small batches before acknowledging them, so the inbox is current when Meta hears 200', async () => {
    hook = await webhookHarness()
    const from = '4915700000002'
    const acks = await Promise.all(burst(hook, from, 3).map((request) => hook.core.webhook.committer.submit(request)))
    expect(acks.map((ack) => ack.newMessages)).toEqual([1, 1, 1])
    expect(hook.core.webhook.backlog.pending).toBe(0)
    expect((await hook.core.call('inbox.thread', { contact: from, limit: 10 })).messages).toHaveLength(3)
  })

  it('treats a steady high rate as a burst even when every batch is small', async () => {
    hook = await webhookHarness()
    const from = '4915700000008'
    const requests = burst(hook, from, 300)
    const acks: Promise<CaptureResult>[] = []
    // 30 small batches within well under 100 ms: 3,000 deliveries a second.
    for (let i = 0; i < requests.length; i += 10) {
      for (const request of requests.slice(i, i + 10)) acks.push(hook.core.webhook.committer.submit(request))
      hook.core.webhook.committer.flush()
    }
    const results = await Promise.all(acks)
    expect(results[0]!.newMessages).toBe(1)
    expect(results.at(-1)!.newMessages).toBe(0)
    await untilFiled(hook)
    expect(hook.core.store.inbox.counts(hook.core.active.snapshot().profile!.id).messages).toBe(300)
  })

  it('files what an earlier run acknowledged but left unfiled, once the listener starts again', async () => {
    hook = await webhookHarness()
    const from = '4915700000003'
    await hook.core.webhook.stop()
    // What a process killed mid-burst leaves: committed raw requests, marked for the inbox.
    hook.core.store.transaction(() => {
      for (const request of burst(hook, from, 25)) hook.core.store.capture.record(request, true)
    })
    expect((await hook.core.call('inbox.thread', { contact: from, limit: 100 })).messages).toHaveLength(0)

    await hook.core.webhook.start(0)
    await untilFiled(hook)
    expect((await hook.core.call('inbox.thread', { contact: from, limit: 100 })).messages).toHaveLength(25)
  })

  it('files the backlog when the listener stops, so a clean shutdown leaves the inbox complete', async () => {
    hook = await webhookHarness()
    // More than the slices that can run while the listener closes.
    leaveUnfiled(hook, burst(hook, '4915700000004', 2000))
    await hook.core.webhook.stop()
    expect(pendingRows(hook)).toBe(0)
    expect(hook.core.store.inbox.counts(hook.core.active.snapshot().profile!.id).messages).toBe(2000)
  })

  it('never prunes a request that is still waiting to be filed', async () => {
    hook = await webhookHarness()
    await hook.core.webhook.stop()
    const old = Date.now() - 90 * 24 * 60 * 60 * 1000
    hook.core.store.transaction(() => {
      hook.core.store.capture.record(delivery(hook, '4915700000005', 'old and unfiled', old), true)
      hook.core.store.capture.record(delivery(hook, '4915700000005', 'old and filed', old), false)
    })
    expect(hook.core.store.inbox.pruneRequests(Date.now())).toBe(1)
    expect(pendingRows(hook)).toBe(1)
  })

  it('skips a stored request it cannot file (logged, kept in the inspector) and files the rest', async () => {
    hook = await webhookHarness()
    const from = '4915700000006'
    await hook.core.webhook.stop()
    const [first, second] = burst(hook, from, 2)
    hook.core.store.transaction(() => {
      hook.core.store.capture.record({ ...first!, body: '{"object": "whatsapp_business_account", "entry": [' }, true)
      hook.core.store.capture.record(second!, true)
    })
    await hook.core.webhook.start(0)
    await untilFiled(hook)
    expect((await hook.core.call('inbox.thread', { contact: from, limit: 10 })).messages.map((m) => m.text)).toEqual(['burst message 1'])
    expect(pendingRows(hook)).toBe(0)
    expect((await hook.core.call('webhook.requests', { limit: 5 })).items).toHaveLength(2)
  })

  it('shows a filing fault, keeps the backlog, and files it once the store accepts writes again', async () => {
    hook = await webhookHarness()
    const from = '4915700000007'
    const faults: (string | null)[] = []
    hook.core.events.on('webhook.listener', (state) => faults.push(state.inboxFault))
    const requests = burst(hook, from, 20)
    hook.core.store.transaction(() => {
      for (const request of requests) hook.core.store.capture.record(request, true)
    })
    hook.core.store.db.exec('PRAGMA query_only = 1')
    hook.core.webhook.backlog.added(requests.length)
    await vi.waitFor(() => expect(faults.at(-1)).toMatch(/cannot file them into the inbox .*readonly/))
    expect(hook.core.webhook.backlog.pending).toBe(20)

    hook.core.store.db.exec('PRAGMA query_only = 0')
    const clock = hook.core.context.clock as ManualClock
    clock.advance(1_000)
    await untilFiled(hook)
    expect(faults.at(-1)).toBeNull()
    expect((await hook.core.call('inbox.thread', { contact: from, limit: 100 })).messages).toHaveLength(20)
  })
})
