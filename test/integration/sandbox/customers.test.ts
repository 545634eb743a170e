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

    // Answer each customer who wrote with buttons; those who read them reply by picking one.
    const offers = new Map<string, string>()
    for (const from of new Set(opened.map((message) => message.from))) {
      const sent = await graph.post<{ messages: { id: string }[] }>(
        `/${sandbox.phoneNumbers[0]!.id}/messages`,
        {
          messaging_product: 'whatsapp',
          to: from,
          type: 'interactive',
          interactive: { type: 'button', body: { text: 'How did we do?' }, action: { buttons: [{ type: 'reply', reply: { id: 'good', title: 'Good' } }, { type: 'reply', reply: { id: 'bad', title: 'Bad' } }] } },
        },
        token,
      )
      offers.set(sent.body.messages[0]!.id, from)
    }
    sandbox.customers.stop()
    const before = endpoint.messages().length
    // Stopping cancels pending replies and spontaneous messages alike.
    await advance(fixture, 10 * 60_000)
    const afterStop = endpoint.messages().slice(before)
    expect(afterStop).toEqual([])

    sandbox.customers.start()
    for (const [id, from] of offers) {
      await graph.post(
        `/${sandbox.phoneNumbers[0]!.id}/messages`,
        { messaging_product: 'whatsapp', to: from, type: 'interactive', interactive: { type: 'button', body: { text: 'Still there?' }, action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Yes' } }] } } },
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
  })
})
