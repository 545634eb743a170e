import { describe, expect, it } from 'vitest'
import { advance, closeAfterEach, receiver, subscribeApp, testSandbox } from './helpers/sandbox-fixture'
import type { StatusItem, WebhookBody } from './helpers/webhook-receiver'

closeAfterEach()

type Value = WebhookBody['entry'][number]['changes'][number]['value']
const COUNTRY_OF = [['1', 'US'], ['44', 'GB'], ['49', 'DE'], ['55', 'BR'], ['91', 'IN'], ['234', 'NG'], ['39', 'IT']] as const
const countryOf = (waId: string) => COUNTRY_OF.find(([code]) => waId.startsWith(code))![1]

describe('username customers', () => {
  it('make up about a third of a fresh world, every customer with a BSUID of their country', async () => {
    const { sandbox, graph } = await testSandbox()
    const people = sandbox.customers.list()
    expect(people).toHaveLength(6)
    const usernames = people.filter((person) => person.username !== null)
    expect(usernames).toHaveLength(2)
    for (const person of people) expect(person.userId).toMatch(/^[A-Z]{2}\.\d{20}$/)
    for (const person of usernames) {
      expect(person.username).toMatch(/^@[a-z0-9._]+$/)
      expect(person.waId).toBeNull()
    }
    for (const person of people.filter((candidate) => candidate.username === null)) expect(person.userId.slice(0, 2)).toBe(countryOf(person.waId!))

    const listed = await graph.get<{ data: Record<string, unknown>[] }>('/_sandbox/customers')
    expect(listed.body.data.map((item) => ({ name: item.name, waId: item.wa_id, userId: item.user_id, username: item.username }))).toEqual(people)
  })

  it('write in with no phone number: contacts carry name, username and BSUID, the message only from_user_id', async () => {
    const fixture = await testSandbox()
    const { sandbox } = fixture
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)
    const user = sandbox.customers.list().find((person) => person.username !== null)!
    const plain = sandbox.customers.list().find((person) => person.username === null)!

    const { wamid } = await sandbox.customers.send({ from: user.userId, type: 'text' })
    await sandbox.customers.send({ from: plain.userId, type: 'text' })
    await advance(fixture, 1000)
    const from = (userId: string) => endpoint.changes().find((change) => change.value.messages?.[0]?.from_user_id === userId)!.value
    const [fromUser, fromPlain] = [from(user.userId), from(plain.userId)]
    expect(fromUser.contacts).toEqual([{ profile: { name: user.name, username: user.username }, user_id: user.userId }])
    expect(fromUser.messages).toEqual([{ from_user_id: user.userId, id: wamid, timestamp: expect.stringMatching(/^\d+$/) as unknown, type: 'text', text: { body: expect.any(String) as unknown } }])
    // Plain users keep their phone in both places, and get the BSUID beside it.
    expect(fromPlain.contacts).toEqual([{ profile: { name: plain.name }, wa_id: plain.waId, user_id: plain.userId }])
    expect(fromPlain.messages![0]).toMatchObject({ from: plain.waId, from_user_id: plain.userId })

    const anyUser = await sandbox.customers.send({ username: true })
    const anyPlain = await sandbox.customers.send({ username: false })
    await advance(fixture, 1000)
    const message = (id: string) => endpoint.messages().find((candidate) => candidate.id === id)!
    expect(message(anyUser.wamid).from).toBeUndefined()
    expect(message(anyPlain.wamid).from).toMatch(/^\d+$/)
  })

  it('get their phone on record once the business sends to it with `to`: from then on webhooks carry it', async () => {
    const fixture = await testSandbox()
    const { sandbox, graph, token } = fixture
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)
    // A username user whose number the business knows from elsewhere (its CRM, say).
    await sandbox.customers.send({ from: '+44 7400 123456', username: true })
    await advance(fixture, 1000)
    const first = endpoint.messages()[0]!
    expect(first.from).toBeUndefined()
    const userId = first.from_user_id
    expect(userId).toMatch(/^GB\.\d+$/)
    const person = () => sandbox.customers.list().find((candidate) => candidate.userId === userId)!
    expect(person().waId).toBeNull()

    const sent = await graph.post(`/${sandbox.phoneNumbers[0]!.id}/messages`, { messaging_product: 'whatsapp', to: '447400123456', type: 'text', text: { body: 'Your order is ready' } }, token)
    expect(sent.body.contacts).toEqual([{ input: '447400123456', wa_id: '447400123456' }])
    await advance(fixture, 120_000)
    const statuses = endpoint.changes().filter((change) => change.value.statuses)
    expect(statuses.map((change) => change.value.statuses![0]!.status)).toEqual(['sent', 'delivered', 'read'])
    for (const change of statuses) expect(change.value.statuses![0]).toMatchObject({ recipient_id: '447400123456', recipient_user_id: userId })
    expect(statuses.map((change) => change.value.contacts)).toEqual([
      [{ profile: { name: person().name }, wa_id: '447400123456', user_id: userId }],
      [{ profile: { name: person().name, username: person().username }, wa_id: '447400123456', user_id: userId }],
      [{ profile: { name: person().name, username: person().username }, wa_id: '447400123456', user_id: userId }],
    ])
    expect(person().waId).toBe('447400123456')

    await sandbox.customers.send({ from: userId })
    await advance(fixture, 1000)
    const later = endpoint.changes().at(-1)!.value
    expect(later.messages![0]).toMatchObject({ from: '447400123456', from_user_id: userId })
    expect(later.contacts).toEqual([{ profile: { name: person().name, username: person().username }, wa_id: '447400123456', user_id: userId }])
  })
})

describe('identity changes', () => {
  it('a username user changing number: user_changed_user_id with both BSUIDs, no phone, no contacts; the old BSUID reaches no one', async () => {
    const fixture = await testSandbox()
    const { sandbox, graph, token } = fixture
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)
    const user = sandbox.customers.list().find((person) => person.username !== null)!

    const { wamid } = await sandbox.customers.send({ from: user.userId, type: 'system' })
    await advance(fixture, 1000)
    const value: Value = endpoint.changes()[0]!.value
    expect(value.contacts).toBeUndefined()
    const next = sandbox.customers.list().find((person) => person.name === user.name && person.username === user.username)!
    expect(next.userId).not.toBe(user.userId)
    expect(next.waId).toBeNull()
    expect(value.messages).toEqual([
      {
        from_user_id: user.userId,
        id: wamid,
        timestamp: expect.stringMatching(/^\d+$/) as unknown,
        type: 'system',
        system: { body: `User ${user.name} changed from ${user.userId} to ${next.userId}`, user_id: next.userId, previous_user_id: user.userId, type: 'user_changed_user_id' },
      },
    ])

    const template = { messaging_product: 'whatsapp', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } }
    const toOld = await graph.post<{ contacts: unknown[]; messages: { id: string }[] }>(`/${sandbox.phoneNumbers[0]!.id}/messages`, { ...template, recipient: user.userId }, token)
    expect(toOld.status).toBe(200)
    const toNew = await graph.post<{ contacts: unknown[]; messages: { id: string }[] }>(`/${sandbox.phoneNumbers[0]!.id}/messages`, { ...template, recipient: next.userId }, token)
    await advance(fixture, 120_000)
    const byMessage = (id: string): StatusItem[] => endpoint.statuses().filter((status) => status.id === id)
    expect(byMessage(toOld.body.messages[0]!.id)).toEqual([expect.objectContaining({ status: 'failed', recipient_user_id: user.userId, errors: [expect.objectContaining({ code: 131026 })] })])
    expect(byMessage(toOld.body.messages[0]!.id)[0]!.recipient_id).toBeUndefined()
    expect(byMessage(toNew.body.messages[0]!.id).map((status) => status.status)).toEqual(['sent', 'delivered', 'read'])
  })

  it('a plain user changing number: user_changed_number with the new number and both BSUIDs', async () => {
    const fixture = await testSandbox()
    const { sandbox } = fixture
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)
    const plain = sandbox.customers.list().find((person) => person.username === null)!
    await sandbox.customers.send({ from: plain.waId!, type: 'system' })
    await advance(fixture, 1000)
    const next = sandbox.customers.list().find((person) => person.name === plain.name && person.username === null && person.userId !== plain.userId)!
    expect(next.waId).not.toBe(plain.waId)
    expect(next.userId.slice(0, 2)).toBe(countryOf(next.waId!))
    const value = endpoint.changes()[0]!.value
    expect(value.contacts).toBeUndefined()
    expect(value.messages![0]).toMatchObject({
      from: plain.waId,
      from_user_id: plain.userId,
      type: 'system',
      system: { body: `User ${plain.name} changed from ${plain.waId} to ${next.waId}`, wa_id: next.waId, user_id: next.userId, previous_user_id: plain.userId, type: 'user_changed_number' },
    })
  })
})
