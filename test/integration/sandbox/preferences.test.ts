import { describe, expect, it } from 'vitest'
import type { GraphErrorResult } from './helpers/graph-client'
import { advance, closeAfterEach, receiver, testSandbox, type SandboxFixture } from './helpers/sandbox-fixture'
import type { WebhookReceiver } from './helpers/webhook-receiver'

closeAfterEach()

const promotion = {
  type: 'template',
  template: {
    name: 'seasonal_promotion',
    language: { code: 'en_US' },
    components: [
      { type: 'header', parameters: [{ type: 'text', text: 'Summer Sale' }] },
      { type: 'body', parameters: [{ type: 'text', text: 'Sunday' }, { type: 'text', text: 'SUN25' }, { type: 'text', text: '25%' }] },
    ],
  },
}
const helloWorld = { type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } }

async function subscribe(fixture: SandboxFixture, endpoint: WebhookReceiver, fields: string): Promise<void> {
  const { sandbox, graph } = fixture
  const appToken = `${sandbox.app.id}|${sandbox.app.secret}`
  const result = await graph.post(`/${sandbox.app.id}/subscriptions`, { object: 'whatsapp_business_account', callback_url: endpoint.url, verify_token: endpoint.verifyToken, fields }, appToken)
  expect(result.status).toBe(200)
}

function preferenceChanges(endpoint: WebhookReceiver) {
  return endpoint.changes().filter((change) => change.field === 'user_preferences')
}

describe('marketing preferences', () => {
  it('a customer who stops marketing messages sends the user_preferences webhook, and marketing templates to them then fail with 131050', async () => {
    const fixture = await testSandbox()
    const { sandbox, graph, token } = fixture
    const endpoint = await receiver()
    await subscribe(fixture, endpoint, 'messages,user_preferences')
    const user = sandbox.customers.list().find((person) => person.username !== null)!
    const phone = sandbox.phoneNumbers[0]!

    expect((await graph.post('/_sandbox/customers/preferences', { from: user.userId, value: 'stop' })).body).toEqual({ success: true })
    await advance(fixture, 1000)
    const [stopped] = preferenceChanges(endpoint)
    expect(stopped!.value).toEqual({
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: phone.display.replace(/\D/g, ''), phone_number_id: phone.id },
      contacts: [{ profile: { name: user.name, username: user.username }, user_id: user.userId }],
      user_preferences: [
        { user_id: user.userId, detail: 'User requested to stop marketing messages', category: 'marketing_messages', value: 'stop', timestamp: Math.floor(fixture.clock.now() / 1000) - 1 },
      ],
    })
    expect((await graph.get<{ data: { user_id: string; marketing_messages: string }[] }>('/_sandbox/customers')).body.data).toContainEqual(
      expect.objectContaining({ user_id: user.userId, marketing_messages: 'stop' }),
    )

    const send = (body: Record<string, unknown>) => graph.post<{ messages: { id: string }[] }>(`/${phone.id}/messages`, { messaging_product: 'whatsapp', recipient: user.userId, ...body }, token)
    const marketing = await send(promotion)
    expect(marketing.status).toBe(200)
    const utility = await send(helloWorld)
    await advance(fixture, 120_000)
    const statusesOf = (id: string) => endpoint.statuses().filter((status) => status.id === id)
    expect(statusesOf(marketing.body.messages[0]!.id)).toEqual([
      {
        id: marketing.body.messages[0]!.id,
        status: 'failed',
        timestamp: expect.stringMatching(/^\d+$/) as unknown,
        recipient_user_id: user.userId,
        errors: [
          {
            code: 131050,
            title: 'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.',
            message: 'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.',
            error_data: { details: 'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.' },
            href: expect.any(String) as unknown,
          },
        ],
      },
    ])
    expect(statusesOf(utility.body.messages[0]!.id).map((status) => status.status)).toEqual(['sent', 'delivered', 'read'])

    await sandbox.customers.setMarketingPreference(user.userId, 'resume')
    await advance(fixture, 1000)
    expect(preferenceChanges(endpoint).at(-1)!.value.user_preferences).toEqual([
      expect.objectContaining({ user_id: user.userId, detail: 'User requested to resume marketing messages', value: 'resume' }),
    ])
    const again = await send(promotion)
    await advance(fixture, 120_000)
    expect(statusesOf(again.body.messages[0]!.id).map((status) => status.status)).toEqual(['sent', 'delivered', 'read'])
  })

  it('names plain customers by phone too, and refuses a bad value or an unknown BSUID', async () => {
    const fixture = await testSandbox()
    const { sandbox, graph } = fixture
    const endpoint = await receiver()
    await subscribe(fixture, endpoint, 'user_preferences')
    const plain = sandbox.customers.list().find((person) => person.username === null)!
    await graph.post('/_sandbox/customers/preferences', { from: `+${plain.waId!}`, value: 'stop' }, undefined, { form: true })
    await advance(fixture, 1000)
    expect(preferenceChanges(endpoint)[0]!.value).toMatchObject({
      contacts: [{ profile: { name: plain.name }, wa_id: plain.waId, user_id: plain.userId }],
      user_preferences: [{ wa_id: plain.waId, user_id: plain.userId, value: 'stop', category: 'marketing_messages' }],
    })

    const bad = await graph.post<GraphErrorResult>('/_sandbox/customers/preferences', { from: plain.waId, value: 'pause' })
    expect(bad.body.error).toMatchObject({ code: 100, message: '(#100) Param value must be one of {stop, resume} - got "pause".' })
    const unknown = await graph.post<GraphErrorResult>('/_sandbox/customers/preferences', { from: 'US.99999999999999999999', value: 'stop' })
    expect(unknown.body.error.code).toBe(100)
    await expect(sandbox.customers.setMarketingPreference('US.99999999999999999999', 'stop')).rejects.toThrow(/no customer with the business-scoped user ID/)
  })

  it('goes only to the app callback subscribed to user_preferences, never to an override', async () => {
    const fixture = await testSandbox()
    const { sandbox, graph, token } = fixture
    const [app, waba] = [await receiver('app'), await receiver('waba')]
    await subscribe(fixture, app, 'messages')
    await graph.post(`/${sandbox.wabaId}/subscribed_apps`, { override_callback_uri: waba.url, verify_token: 'waba' }, token)
    const user = sandbox.customers.list()[0]!

    await sandbox.customers.setMarketingPreference(user.userId, 'stop')
    await sandbox.customers.send({ from: user.userId })
    await advance(fixture, 1000)
    expect(app.received).toHaveLength(0)
    expect(waba.changes().map((change) => change.field)).toEqual(['messages'])

    await subscribe(fixture, app, 'user_preferences')
    await sandbox.customers.setMarketingPreference(user.userId, 'resume')
    await advance(fixture, 1000)
    expect(app.changes().map((change) => change.field)).toEqual(['user_preferences'])
    expect(waba.changes().map((change) => change.field)).toEqual(['messages'])
  })
})
