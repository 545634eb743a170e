import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventPayload } from '../../../src/shared/contract'
import { DISPLAY_NUMBER, envelope, messagesValue, wamid } from '../../support/webhook-payloads'
import { webhookHarness, type WebhookHarness } from '../../support/webhook'

/**
 * Customers as Meta names them since 2026: a phone number, a business-scoped user ID (BSUID), or
 * both. Username users come without a phone number; one customer is one conversation whatever
 * they are called by, and follows them when their BSUID changes.
 */

let hook: WebhookHarness
const changes: EventPayload<'inbox.changed'>[] = []
beforeAll(async () => {
  hook = await webhookHarness()
  hook.core.events.on('inbox.changed', (payload) => changes.push(payload))
})
afterAll(() => hook.close())

const seconds = (ms: number) => String(Math.floor(ms / 1000))
let clock = Date.now() - 60 * 60 * 1000
const later = () => (clock += 1000)

type Person = { phone?: string; userId?: string; username?: string; name?: string }
const contactOf = (p: Person) => ({
  profile: { name: p.name ?? 'Sheena Nelson', ...(p.username ? { username: p.username } : {}) },
  ...(p.phone ? { wa_id: p.phone } : {}),
  ...(p.userId ? { user_id: p.userId } : {}),
})

function textFrom(p: Person, body: string, id = wamid('text')) {
  const message = { ...(p.phone ? { from: p.phone } : {}), ...(p.userId ? { from_user_id: p.userId } : {}), id, timestamp: seconds(later()), type: 'text', text: { body } }
  return { id, body: envelope([{ field: 'messages', value: messagesValue({ contacts: [contactOf(p)], messages: [message] }) }]) }
}

const call = <K extends Parameters<WebhookHarness['core']['call']>[0]>(name: K, input: Parameters<WebhookHarness['core']['call']>[1]) =>
  hook.core.call(name, input as never)
const thread = (contact: string) => hook.core.call('inbox.thread', { contact, limit: 100 })
const conversationsOf = async (name: string) => (await hook.core.call('inbox.conversations', { limit: 500 })).items.filter((c) => c.name === name)

async function post(body: unknown) {
  const response = await hook.post(body)
  expect(response.status).toBe(200)
}

describe('username users', () => {
  it('files a message with no phone number under the BSUID, with the username', async () => {
    const sheena = { userId: 'US.13491208655302741918', username: '@realsheenanelson', name: 'Sheena' }
    const message = textFrom(sheena, 'Does it come in another color?')
    await post(message.body)
    const { contact, messages } = await thread(sheena.userId)
    expect(contact).toMatchObject({ key: sheena.userId, phone: null, userId: sheena.userId, username: '@realsheenanelson', name: 'Sheena', unread: 1 })
    expect(messages.map((m) => m.text)).toEqual(['Does it come in another color?'])
  })

  it('joins the phone number and the BSUID into one conversation when a delivery names both', async () => {
    const phone = '4915112340001'
    const userId = 'DE.88811122233344455'
    await post(textFrom({ phone, name: 'Jonas' }, 'by phone').body)
    await post(textFrom({ userId, username: '@jonas', name: 'Jonas' }, 'by username').body)
    expect(await conversationsOf('Jonas')).toHaveLength(2)
    changes.length = 0
    await post(textFrom({ phone, userId, username: '@jonas', name: 'Jonas' }, 'both at once').body)

    const [only] = await conversationsOf('Jonas')
    expect(await conversationsOf('Jonas')).toHaveLength(1)
    expect(only).toMatchObject({ key: phone, phone, userId, username: '@jonas', unread: 3 })
    expect((await thread(phone)).messages.map((m) => m.text).reverse()).toEqual(['by phone', 'by username', 'both at once'])
    // Any identifier opens the same conversation; the UI hears which key went away.
    expect((await thread(userId)).contact?.key).toBe(phone)
    expect(changes.flatMap((c) => c.merged)).toEqual([{ from: userId, into: phone }])
  })

  it('follows a customer whose BSUID changes (user_changed_user_id) and whose number changes (user_changed_number)', async () => {
    const before = { userId: 'BR.1502576394655843', username: '@ana', name: 'Ana' }
    await post(textFrom(before, 'olá').body)
    const next = 'BR.9990001112223334'
    const system = {
      from_user_id: before.userId,
      id: wamid('system'),
      timestamp: seconds(later()),
      type: 'system',
      system: { body: 'User Ana changed their user ID', user_id: next, previous_user_id: before.userId, type: 'user_changed_user_id' },
    }
    await post(envelope([{ field: 'messages', value: messagesValue({ messages: [system] }) }]))
    await post(textFrom({ userId: next, username: '@ana', name: 'Ana' }, 'still me').body)

    const conversations = await conversationsOf('Ana')
    expect(conversations).toHaveLength(1)
    expect(conversations[0]).toMatchObject({ key: before.userId, userId: next })
    expect((await thread(next)).messages.map((m) => m.type).reverse()).toEqual(['text', 'system', 'text'])

    const numberChange = {
      from: '5511987650000',
      id: wamid('system'),
      timestamp: seconds(later()),
      type: 'system',
      system: { body: 'User Ana changed from 5511987650000 to 5511987651111', wa_id: '5511987651111', user_id: 'BR.5550001112223334', previous_user_id: next, type: 'user_changed_number' },
    }
    await post(envelope([{ field: 'messages', value: messagesValue({ messages: [numberChange] }) }]))
    expect((await thread('5511987651111')).contact).toMatchObject({ key: before.userId, phone: '5511987651111', userId: 'BR.5550001112223334' })
    expect(await conversationsOf('Ana')).toHaveLength(1)
  })

  it('links a BSUID that a status reveals to the conversation its message went to', async () => {
    const phone = '447400123456'
    await post(textFrom({ phone, name: 'Liam' }, 'hello').body)
    const sent = wamid('out')
    const status = { id: sent, status: 'delivered', timestamp: seconds(later()), recipient_id: phone, recipient_user_id: 'GB.4400055566677788' }
    await post(envelope([{ field: 'messages', value: messagesValue({ statuses: [status] }) }]))
    expect((await thread('GB.4400055566677788')).contact).toMatchObject({ key: phone, userId: 'GB.4400055566677788' })
    expect((await thread(phone)).messages.find((m) => m.wamid === sent)).toMatchObject({ direction: 'out', status: 'delivered' })
  })

  it('finds customers by username, BSUID or number in search', async () => {
    const byUsername = await hook.core.call('inbox.search', { query: '@realsheena', limit: 10 })
    expect(byUsername.contacts.map((c) => c.key)).toEqual(['US.13491208655302741918'])
    const byUserId = await hook.core.call('inbox.search', { query: 'DE.888111', limit: 10 })
    expect(byUserId.contacts.map((c) => c.name)).toEqual(['Jonas'])
  })

  it('exports each message with the customer’s phone, BSUID and username', async () => {
    const { path } = await hook.core.call('inbox.export', { format: 'jsonl' })
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines.find((l) => l.text === 'Does it come in another color?')).toMatchObject({
      contact: 'US.13491208655302741918',
      contactPhone: null,
      contactUserId: 'US.13491208655302741918',
      contactUsername: '@realsheenanelson',
    })
    const { path: csv } = await hook.core.call('inbox.export', { format: 'csv' })
    const [header] = readFileSync(csv, 'utf8').split('\n')
    expect(header).toBe('time,direction,contact,type,text,status,wamid,reply_to,phone,user_id,username,edited_at,deleted_at,media_id,media_file')
  })
})

describe('edits, deletions and the WhatsApp Business app', () => {
  const phone = '4915100009999'
  const person = { phone, name: 'Erika' }

  it('shows an edited message with its new text and keeps the earlier one, whichever arrives first', async () => {
    const original = textFrom(person, 'See you at 5')
    await post(original.body)
    const edit = (id: string, body: string) => ({
      from: phone,
      id: wamid('edit'),
      timestamp: seconds(later()),
      type: 'edit',
      edit: { original_message_id: id, message: { type: 'text', text: { body } } },
    })
    await post(envelope([{ field: 'messages', value: messagesValue({ contacts: [contactOf(person)], messages: [edit(original.id, 'See you at 6')] }) }]))
    const [shown] = (await thread(phone)).messages
    expect(shown).toMatchObject({ wamid: original.id, text: 'See you at 6', revisions: [{ text: 'See you at 5' }] })
    expect(shown!.editedAt).not.toBeNull()

    // Meta redelivers out of order: an edit may come before the message it changes.
    const late = textFrom(person, 'typo')
    const lateId = late.id
    await post(envelope([{ field: 'messages', value: messagesValue({ contacts: [contactOf(person)], messages: [edit(lateId, 'corrected')] }) }]))
    await post(late.body)
    expect((await thread(phone)).messages.find((m) => m.wamid === lateId)).toMatchObject({ text: 'corrected', revisions: [{ text: 'typo' }] })
    expect((await thread(phone)).messages.some((m) => m.type === 'edit')).toBe(false)
  })

  it('marks a deleted message and keeps what it said', async () => {
    const original = textFrom(person, 'my card number is …')
    await post(original.body)
    const revoke = { from: phone, id: wamid('revoke'), timestamp: seconds(later()), type: 'revoke', revoke: { original_message_id: original.id } }
    await post(envelope([{ field: 'messages', value: messagesValue({ contacts: [contactOf(person)], messages: [revoke] }) }]))
    const shown = (await thread(phone)).messages.find((m) => m.wamid === original.id)
    expect(shown).toMatchObject({ text: 'my card number is …' })
    expect(shown!.revokedAt).not.toBeNull()
  })

  it('files a message sent from the WhatsApp Business app as outbound, from the business app', async () => {
    const id = wamid('echo')
    const echo = { from: DISPLAY_NUMBER, to: phone, id, timestamp: seconds(later()), type: 'text', text: { body: 'Sent from my phone' } }
    await post(envelope([{ field: 'smb_message_echoes', value: messagesValue({ contacts: [contactOf(person)], message_echoes: [echo] } as never) }]))
    expect((await thread(phone)).messages[0]).toMatchObject({ wamid: id, direction: 'out', origin: 'business_app', text: 'Sent from my phone' })
  })
})

describe('marketing preferences and account notices', () => {
  it('marks a customer who stopped marketing messages, and again when they resume', async () => {
    const phone = '2348031234567'
    await post(textFrom({ phone, name: 'Amara' }, 'hi').body)
    const preference = (value: 'stop' | 'resume') =>
      envelope([
        {
          field: 'user_preferences',
          value: messagesValue({
            contacts: [contactOf({ phone, name: 'Amara' })],
            user_preferences: [{ wa_id: phone, detail: `User requested to ${value} marketing messages`, category: 'marketing_messages', value, timestamp: Number(seconds(later())) }],
          } as never),
        },
      ])
    await post(preference('stop'))
    expect((await thread(phone)).contact).toMatchObject({ marketing: 'stop' })
    await post(preference('resume'))
    expect((await thread(phone)).contact).toMatchObject({ marketing: 'resume' })
  })

  it('lists template, quality and account updates as notices, warnings first in mind', async () => {
    await post(
      envelope([
        { field: 'message_template_status_update', value: { event: 'REJECTED', message_template_id: 1, message_template_name: 'abandoned_cart', message_template_language: 'en', reason: 'INVALID_FORMAT' } },
        { field: 'phone_number_quality_update', value: { display_phone_number: DISPLAY_NUMBER, event: 'UPGRADE', current_limit: 'TIER_10K' } },
        { field: 'account_update', value: { event: 'ACCOUNT_RESTRICTION', restriction_info: [{ restriction_type: 'RESTRICTED_BIZ_INITIATED_MESSAGING', expiration: 1 }] } },
      ]),
    )
    const { items } = await call('inbox.notices', { limit: 10 })
    expect(items.map((n) => [n.field, n.level, n.summary])).toEqual(
      expect.arrayContaining([
        ['message_template_status_update', 'warning', 'abandoned_cart · en · REJECTED · INVALID_FORMAT'],
        ['phone_number_quality_update', 'info', `${DISPLAY_NUMBER} · UPGRADE · TIER_10K`],
        ['account_update', 'warning', 'ACCOUNT_RESTRICTION · RESTRICTED_BIZ_INITIATED_MESSAGING'],
      ]),
    )
  })
})
