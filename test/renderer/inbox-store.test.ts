import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ConversationView, MessageView } from '../../src/shared/contract'
import { mergeHead, mergeMessages, useInbox } from '../../src/renderer/src/stores/inbox'
import { routeEvents } from '../../src/renderer/src/stores/event-router'
import { connectRenderer } from '../support/renderer-api'
import { envelope, messagesValue, wamid } from '../support/webhook-payloads'
import { webhookHarness, type WebhookHarness } from '../support/webhook'

const message = (id: number, timestamp: number, extra: Partial<MessageView> = {}) => ({ id, timestamp, wamid: `w${id}`, status: null, statusAt: null, text: `m${id}`, type: 'text', editedAt: null, revokedAt: null, ...extra }) as MessageView
const conversation = (key: string, lastAt: number) => ({ key, lastAt }) as ConversationView

describe('merging pages into what is shown', () => {
  it('replaces known messages by id, keeps unchanged ones as they were, and adds new ones in time order', () => {
    const a = message(1, 10)
    const b = message(2, 20)
    const current = [a, b]
    expect(mergeMessages(current, [message(1, 10)])).toBe(current)
    const read = mergeMessages(current, [message(2, 20, { status: 'read' })])
    expect(read[0]).toBe(a)
    expect(read[1]!.status).toBe('read')
    expect(mergeMessages(current, [message(3, 15)]).map((m) => m.id)).toEqual([1, 3, 2])
  })

  it('puts a fresh first page of conversations on top and keeps the rest below it', () => {
    const current = [conversation('a', 50), conversation('b', 40), conversation('c', 30), conversation('d', 20)]
    const head = [conversation('c', 60), conversation('a', 50)]
    const merged = mergeHead(current, head, 2, true)
    expect(merged.items.map((c) => c.key)).toEqual(['c', 'a', 'b', 'd'])
    expect(mergeHead(current, [conversation('x', 70)], 2, true)).toEqual({ items: [conversation('x', 70)], hasMore: false })
  })
})

describe('the inbox store against a real core', () => {
  let hook: WebhookHarness
  beforeEach(async () => {
    hook = await webhookHarness()
    connectRenderer(hook.core, routeEvents)
    useInbox.getState().setShown(true)
  })
  afterEach(async () => {
    useInbox.getState().reset()
    useInbox.getState().setShown(false)
    await hook.close()
  })

  const say = (from: { phone?: string; userId?: string }, body: string) =>
    hook.post(
      envelope([
        {
          field: 'messages',
          value: messagesValue({
            contacts: [{ profile: { name: 'Ana' }, ...(from.phone ? { wa_id: from.phone } : {}), ...(from.userId ? { user_id: from.userId } : {}) }],
            messages: [{ ...(from.phone ? { from: from.phone } : {}), ...(from.userId ? { from_user_id: from.userId } : {}), id: wamid('t'), timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body } }],
          }),
        },
      ]),
    )

  it('shows a new conversation live, and opens its thread marked read', async () => {
    await useInbox.getState().load()
    expect(useInbox.getState().conversations).toEqual([])
    await say({ phone: '4915112340001' }, 'Hallo')
    await vi.waitFor(() => expect(useInbox.getState().conversations.map((c) => c.key)).toEqual(['4915112340001']))
    expect(useInbox.getState().conversations[0]!.unread).toBe(1)
    await useInbox.getState().open('4915112340001')
    expect(useInbox.getState().thread?.messages.map((m) => m.content)).toEqual([{ kind: 'text', body: 'Hallo', previewUrl: false }])
    expect(useInbox.getState().conversations[0]!.unread).toBe(0)
  })

  it('follows a conversation that is merged into another while it is open', async () => {
    await say({ userId: 'DE.123456789012' }, 'by username')
    await say({ phone: '4915112340002' }, 'by phone')
    await useInbox.getState().load()
    await useInbox.getState().open('DE.123456789012')
    await say({ phone: '4915112340002', userId: 'DE.123456789012' }, 'both')
    await vi.waitFor(() => expect(useInbox.getState().thread?.key).toBe('4915112340002'))
    await vi.waitFor(() => expect(useInbox.getState().thread?.messages.map((m) => m.text)).toEqual(['by username', 'by phone', 'both']))
    await vi.waitFor(() => expect(useInbox.getState().conversations.map((c) => c.key)).toEqual(['4915112340002']))
  })
})
