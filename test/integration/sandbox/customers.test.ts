import { describe, expect, it } from 'vitest'
import { advance, closeAfterEach, receiver, subscribeApp, testSandbox } from './helpers/sandbox-fixture'

closeAfterEach()

describe('simulated customers', () => {
  it('start conversations on their own and answer the operator’s buttons once they have read them', async () => {
    const fixture = await testSandbox({ customers: true, seed: 3 })
    const { sandbox, graph, token } = fixture
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)
    expect(sandbox.customers.running).toBe(true)

    for (let minute = 0; minute < 10; minute++) await advance(fixture, 60_000)
    const opened = endpoint.messages()
    expect(opened.length).toBeGreaterThanOrEqual(3)

    // Answer each customer who wrote with buttons, by BSUID (username users come without a phone); those who read them reply by picking one.
    const offers = new Map<string, string>()
    for (const userId of new Set(opened.map((message) => message.from_user_id))) {
      const sent = await graph.post<{ messages: { id: string }[] }>(
        `/${sandbox.phoneNumbers[0]!.id}/messages`,
        {
          messaging_product: 'whatsapp',
          recipient: userId,
          type: 'interactive',
          interactive: { type: 'button', body: { text: 'How did we do?' }, action: { buttons: [{ type: 'reply', reply: { id: 'good', title: 'Good' } }, { type: 'reply', reply: { id: 'bad', title: 'Bad' } }] } },
        },
        token,
      )
      offers.set(sent.body.messages[0]!.id, userId)
    }
    sandbox.customers.stop()
    const before = endpoint.messages().length
    // Stopping cancels pending replies and spontaneous messages alike.
    await advance(fixture, 10 * 60_000)
    const afterStop = endpoint.messages().slice(before)
    expect(afterStop).toEqual([])

    sandbox.customers.start()
    for (const [id, userId] of offers) {
      await graph.post(
        `/${sandbox.phoneNumbers[0]!.id}/messages`,
        { messaging_product: 'whatsapp', recipient: userId, type: 'interactive', interactive: { type: 'button', body: { text: 'Still there?' }, action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Yes' } }] } } },
        token,
      )
      offers.delete(id)
    }
    for (let minute = 0; minute < 3; minute++) await advance(fixture, 60_000)
    const replies = endpoint.messages().filter((message) => message.type === 'interactive')
    expect(replies.length).toBeGreaterThanOrEqual(1)
    for (const reply of replies) expect(reply).toMatchObject({ interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } }, context: { id: expect.stringMatching(/^wamid\./) as unknown } })
  })

  it('lets tests and the UI make any customer write through /_sandbox', async () => {
    const fixture = await testSandbox()
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)
    const result = await fixture.graph.post<{ wamid: string }>('/_sandbox/customers/messages', { from: '+1 555 010 3333', type: 'location' })
    expect(result.body.wamid).toMatch(/^wamid\./)
    await advance(fixture, 1000)
    expect(endpoint.messages()).toEqual([expect.objectContaining({ id: result.body.wamid, from: '15550103333', type: 'location' })])
    const bad = await fixture.graph.post<{ error: { code: number } }>('/_sandbox/customers/messages', { type: 'telegram' })
    expect(bad.body.error.code).toBe(100)

    // By BSUID, and a random username or plain customer.
    const user = fixture.sandbox.customers.list().find((person) => person.username !== null)!
    const byUserId = await fixture.graph.post<{ wamid: string }>('/_sandbox/customers/messages', { from: user.userId })
    const anyUser = await fixture.graph.post<{ wamid: string }>('/_sandbox/customers/messages', { username: 'true' }, undefined, { form: true })
    const anyPlain = await fixture.graph.post<{ wamid: string }>('/_sandbox/customers/messages', { username: false })
    await advance(fixture, 1000)
    const message = (id: string) => endpoint.messages().find((candidate) => candidate.id === id)!
    expect(message(byUserId.body.wamid)).toMatchObject({ from_user_id: user.userId })
    expect(message(byUserId.body.wamid).from).toBeUndefined()
    expect(message(anyUser.body.wamid).from).toBeUndefined()
    expect(message(anyPlain.body.wamid).from).toMatch(/^\d+$/)
    const unknown = await fixture.graph.post<{ error: { code: number; message: string } }>('/_sandbox/customers/messages', { from: 'US.11112222333344445555' })
    expect(unknown.body.error).toMatchObject({ code: 100, message: '(#100) The sandbox has no customer with the business-scoped user ID US.11112222333344445555' })
  })

  it('adds a number the business writes to as a plain customer, with a BSUID of its country', async () => {
    const fixture = await testSandbox()
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)
    const before = fixture.sandbox.customers.list().length
    await fixture.graph.post(
      `/${fixture.sandbox.phoneNumbers[0]!.id}/messages`,
      { messaging_product: 'whatsapp', to: '+55 11 98765 4321', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
      fixture.token,
    )
    const added = fixture.sandbox.customers.list()
    expect(added).toHaveLength(before + 1)
    const person = added.at(-1)!
    expect(person).toMatchObject({ waId: '5511987654321', username: null, userId: expect.stringMatching(/^BR\.\d{20}$/) as unknown })
    await advance(fixture, 120_000)
    for (const status of endpoint.statuses()) expect(status).toMatchObject({ recipient_id: '5511987654321', recipient_user_id: person.userId })
  })
})
