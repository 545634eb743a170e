import { describe, expect, it } from 'vitest'
import { INBOUND_KINDS } from '../../../src/main/core/sandbox'
import type { GraphErrorResult } from './helpers/graph-client'
import { advance, closeAfterEach, receiver, subscribeApp, testSandbox } from './helpers/sandbox-fixture'
import { signatureIsValid, signatureMatchesReserialised } from './helpers/webhook-receiver'

closeAfterEach()

const CUSTOMER = '15550104477'
const template = { type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } }

describe('webhook registration', () => {
  it('performs Meta’s GET handshake before accepting the app callback, and fails when it is not echoed', async () => {
    const fixture = await testSandbox()
    const { sandbox, graph } = fixture
    const endpoint = await receiver('app-verify')
    const appToken = `${sandbox.app.id}|${sandbox.app.secret}`
    const register = () =>
      graph.post<GraphErrorResult>(`/${sandbox.app.id}/subscriptions`, { object: 'whatsapp_business_account', callback_url: endpoint.url, verify_token: 'app-verify', fields: 'messages' }, appToken, { form: true })

    endpoint.handshake = 'wrong-challenge'
    const wrong = await register()
    expect(wrong.status).toBe(400)
    expect(wrong.body.error.code).toBe(2200)
    expect(wrong.body.error.message).toMatch(/^\(#2200\) callback verification failed: .*Response does not match challenge, expected value="\d+"$/)
    expect((await graph.get<{ data: unknown[] }>(`/${sandbox.app.id}/subscriptions`, {}, appToken)).body.data).toEqual([])

    endpoint.handshake = 'forbidden'
    expect((await register()).body.error.message).toContain('HTTP Status Code = 403')

    endpoint.handshake = 'echo'
    expect((await register()).body).toEqual({ success: true })
    const handshake = endpoint.handshakes.at(-1)!
    expect(handshake.get('hub.mode')).toBe('subscribe')
    expect(handshake.get('hub.verify_token')).toBe('app-verify')
    expect(handshake.get('hub.challenge')).toMatch(/^\d+$/)
    const listed = await graph.get(`/${sandbox.app.id}/subscriptions`, {}, appToken)
    expect(listed.body).toEqual({ data: [{ object: 'whatsapp_business_account', callback_url: endpoint.url, active: true, fields: [{ name: 'messages', version: 'v25.0' }] }] })

    const userToken = await graph.post<GraphErrorResult>(`/${sandbox.app.id}/subscriptions`, { object: 'whatsapp_business_account', callback_url: endpoint.url, verify_token: 'app-verify', fields: 'messages' }, fixture.token)
    expect(userToken.body.error.code).toBe(15)
  })

  it('reports a refused connection the way Meta does', async () => {
    const { sandbox, graph } = await testSandbox()
    const result = await graph.post<GraphErrorResult>(
      `/${sandbox.app.id}/subscriptions`,
      { object: 'whatsapp_business_account', callback_url: 'http://127.0.0.1:9/webhook', verify_token: 'x', fields: 'messages' },
      `${sandbox.app.id}|${sandbox.app.secret}`,
    )
    expect(result.body.error).toMatchObject({ code: 2200 })
    expect(result.body.error.message).toContain('curl_errno = 7')
  })

  it('routes by phone-number override, then WABA override, then app callback, and removes overrides as Meta allows', async () => {
    const fixture = await testSandbox()
    const { sandbox, graph, token } = fixture
    const [app, waba, number] = [await receiver('app'), await receiver('waba'), await receiver('number')]
    const phone = sandbox.phoneNumbers[0]!.id
    await subscribeApp(fixture, app)
    await sandbox.customers.send({ from: CUSTOMER })
    await advance(fixture, 1000)
    expect(app.messages()).toHaveLength(1)

    waba.handshake = 'wrong-challenge'
    const failed = await graph.post<GraphErrorResult>(`/${sandbox.wabaId}/subscribed_apps`, { override_callback_uri: waba.url, verify_token: 'waba' }, token)
    expect(failed.body.error.code).toBe(2200)
    waba.handshake = 'echo'
    expect((await graph.post(`/${sandbox.wabaId}/subscribed_apps`, { override_callback_uri: waba.url, verify_token: 'waba' }, token)).body).toEqual({ success: true })
    expect((await graph.get(`/${sandbox.wabaId}/subscribed_apps`, {}, token)).body).toEqual({
      data: [{ whatsapp_business_api_data: { link: expect.any(String) as unknown, name: 'Switchboard Sandbox', id: sandbox.app.id }, override_callback_uri: waba.url }],
    })
    await sandbox.customers.send({ from: CUSTOMER })
    await advance(fixture, 1000)
    expect([app.messages().length, waba.messages().length]).toEqual([1, 1])

    number.handshake = 'forbidden'
    const refused = await graph.post<GraphErrorResult>(`/${phone}`, { webhook_configuration: { override_callback_uri: number.url, verify_token: 'number' } }, token)
    expect(refused.body.error.code).toBe(2200)
    number.handshake = 'echo'
    expect((await graph.post(`/${phone}`, { webhook_configuration: { override_callback_uri: number.url, verify_token: 'number' } }, token)).body).toEqual({ success: true })
    expect((await graph.get(`/${phone}`, { fields: 'webhook_configuration' }, token)).body).toEqual({
      webhook_configuration: { phone_number: number.url, whatsapp_business_account: waba.url, application: app.url },
      id: phone,
    })
    await sandbox.customers.send({ from: CUSTOMER })
    await sandbox.customers.send({ from: CUSTOMER, phoneNumberId: sandbox.phoneNumbers[1]!.id })
    await advance(fixture, 1000)
    expect([app.messages().length, waba.messages().length, number.messages().length]).toEqual([1, 2, 1])

    // Removing: an empty override on the number, a plain re-subscribe on the WABA.
    await graph.post(`/${phone}`, { webhook_configuration: { override_callback_uri: '' } }, token)
    await graph.post(`/${sandbox.wabaId}/subscribed_apps`, {}, token)
    expect((await graph.get(`/${phone}`, { fields: 'webhook_configuration' }, token)).body).toEqual({ webhook_configuration: { application: app.url }, id: phone })
    await sandbox.customers.send({ from: CUSTOMER })
    await advance(fixture, 1000)
    expect([app.messages().length, waba.messages().length, number.messages().length]).toEqual([2, 2, 1])

    // Unsubscribing the app from the WABA stops everything, and an override then needs a subscription first.
    expect((await graph.delete(`/${sandbox.wabaId}/subscribed_apps`, {}, token)).body).toEqual({ success: true })
    expect((await graph.get(`/${sandbox.wabaId}/subscribed_apps`, {}, token)).body).toEqual({ data: [] })
    const early = await graph.post<GraphErrorResult>(`/${sandbox.wabaId}/subscribed_apps`, { override_callback_uri: waba.url, verify_token: 'waba' }, token)
    expect(early.body.error.message).toMatch(/your app must be subscribed/)
    await sandbox.customers.send({ from: CUSTOMER })
    await advance(fixture, 1000)
    expect(app.messages()).toHaveLength(2)
  })
})

describe('webhook deliveries', () => {
  it('signs status webhooks and plays sent → delivered → read with PMP pricing (v24+ shape, no conversation)', async () => {
    const fixture = await testSandbox()
    const { sandbox, graph, token } = fixture
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)
    const phone = sandbox.phoneNumbers[0]!
    const sent = await graph.post<{ messages: { id: string }[] }>(`/${phone.id}/messages`, { messaging_product: 'whatsapp', to: CUSTOMER, ...template }, token)
    const wamid = sent.body.messages[0]!.id

    await advance(fixture, 120_000)
    await endpoint.waitFor((r) => r.statuses().length >= 3)
    expect(endpoint.statuses().map((status) => status.status)).toEqual(['sent', 'delivered', 'read'])
    for (const webhook of endpoint.received) {
      expect(signatureIsValid(webhook.raw, webhook.headers['x-hub-signature-256'], sandbox.app.secret)).toBe(true)
      expect(signatureIsValid(webhook.raw, webhook.headers['x-hub-signature-256'], 'some-other-secret')).toBe(false)
      expect(webhook.headers['content-type']).toBe('application/json')
      expect(webhook.body.object).toBe('whatsapp_business_account')
      expect(webhook.body.entry[0]!.id).toBe(sandbox.wabaId)
      expect(webhook.body.entry[0]!.changes[0]!.field).toBe('messages')
      expect(webhook.body.entry[0]!.changes[0]!.value.metadata).toEqual({ display_phone_number: phone.display.replace(/\D/g, ''), phone_number_id: phone.id })
    }
    const [first, , last] = endpoint.statuses()
    expect(first).toMatchObject({ id: wamid, recipient_id: CUSTOMER, // A utility template with no open customer-service window is charged.
      pricing: { billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' },
    })
    expect(Number(last!.timestamp)).toBeGreaterThan(Number(first!.timestamp))
    expect(first!.conversation).toBeUndefined()
  })

  it('includes the conversation object for apps whose webhooks are on v23', async () => {
    const fixture = await testSandbox()
    const { sandbox, token } = fixture
    const endpoint = await receiver()
    const v23 = new (await import('./helpers/graph-client')).GraphClient(sandbox.url, 'v23.0')
    await v23.post(`/${sandbox.app.id}/subscriptions`, { object: 'whatsapp_business_account', callback_url: endpoint.url, verify_token: endpoint.verifyToken, fields: 'messages' }, `${sandbox.app.id}|${sandbox.app.secret}`)
    await sandbox.customers.send({ from: CUSTOMER })
    await fixture.graph.post(`/${sandbox.phoneNumbers[0]!.id}/messages`, { messaging_product: 'whatsapp', to: CUSTOMER, type: 'text', text: { body: 'Hi Ana' } }, token)
    await advance(fixture, 120_000)
    const sent = endpoint.statuses().find((status) => status.status === 'sent')!
    expect(sent.conversation).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown, origin: { type: 'service' }, expiration_timestamp: expect.any(String) as unknown })
    expect(sent.pricing).toEqual({ billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' })
  })

  it('sends played after read for voice messages', async () => {
    const fixture = await testSandbox()
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)
    await fixture.sandbox.customers.send({ from: CUSTOMER })
    await fixture.graph.post(`/${fixture.sandbox.phoneNumbers[0]!.id}/messages`, { messaging_product: 'whatsapp', to: CUSTOMER, type: 'audio', audio: { link: 'https://example.com/note.ogg' } }, fixture.token)
    await advance(fixture, 120_000)
    await endpoint.waitFor((r) => r.statuses().length >= 4)
    expect(endpoint.statuses().map((status) => status.status)).toEqual(['sent', 'delivered', 'read', 'played'])
  })

  it('accepts a free-form message outside the 24-hour window, then fails it with 131047', async () => {
    const fixture = await testSandbox()
    const { sandbox, graph, token } = fixture
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)
    const phone = sandbox.phoneNumbers[0]!.id
    const text = { messaging_product: 'whatsapp', to: CUSTOMER, type: 'text', text: { body: 'Are you still there?' } }

    const cold = await graph.post<{ messages: { id: string }[] }>(`/${phone}/messages`, text, token)
    expect(cold.status).toBe(200)
    await advance(fixture, 10_000)
    const failed = endpoint.statuses()
    expect(failed).toEqual([
      {
        id: cold.body.messages[0]!.id,
        status: 'failed',
        timestamp: expect.stringMatching(/^\d+$/) as unknown,
        recipient_id: CUSTOMER,
        errors: [
          {
            code: 131047,
            title: 'Re-engagement message',
            message: 'Re-engagement message',
            error_data: { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
            href: expect.any(String) as unknown,
          },
        ],
      },
    ])

    await sandbox.customers.send({ from: CUSTOMER })
    await advance(fixture, 1000)
    await graph.post(`/${phone}/messages`, text, token)
    await advance(fixture, 120_000)
    expect(endpoint.statuses().slice(1).map((status) => status.status)).toEqual(['sent', 'delivered', 'read'])

    fixture.clock.advance(24 * 3600 * 1000)
    await graph.post(`/${phone}/messages`, text, token)
    await advance(fixture, 10_000)
    expect(endpoint.statuses().at(-1)).toMatchObject({ status: 'failed', errors: [{ code: 131047 }] })
  })

  it('fails messages to numbers not on WhatsApp (ending in 0000) asynchronously with 131026', async () => {
    const fixture = await testSandbox()
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)
    const sent = await fixture.graph.post<{ messages: { id: string }[] }>(`/${fixture.sandbox.phoneNumbers[0]!.id}/messages`, { messaging_product: 'whatsapp', to: '+44 7700 900000', ...template }, fixture.token)
    expect(sent.status).toBe(200)
    await advance(fixture, 10_000)
    expect(endpoint.statuses()).toEqual([expect.objectContaining({ id: sent.body.messages[0]!.id, status: 'failed', recipient_id: '447700900000', errors: [expect.objectContaining({ code: 131026, title: 'Message undeliverable' })] })])
  })

  it('delivers signed inbound messages of every documented type', async () => {
    const fixture = await testSandbox()
    const { sandbox, graph, token } = fixture
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)
    const phone = sandbox.phoneNumbers[0]!
    await sandbox.customers.send({ from: CUSTOMER })
    const offered = await graph.post<{ messages: { id: string }[] }>(
      `/${phone.id}/messages`,
      { messaging_product: 'whatsapp', to: CUSTOMER, type: 'interactive', interactive: { type: 'button', body: { text: 'Slot?' }, action: { buttons: [{ type: 'reply', reply: { id: 'slot-9', title: '9:00' } }] } } },
      token,
    )
    const offer = offered.body.messages[0]!.id
    for (const type of INBOUND_KINDS) {
      if (type === 'system') continue
      await sandbox.customers.send({ from: CUSTOMER, type })
    }
    await advance(fixture, 5000)
    await endpoint.waitFor((r) => r.messages().length >= INBOUND_KINDS.length)
    const byType = new Map(endpoint.messages().map((message) => [message.type === 'interactive' ? `interactive:${(message.interactive as { type: string }).type}` : message.type, message]))
    expect([...byType.keys()].sort()).toEqual(
      ['audio', 'button', 'contacts', 'document', 'image', 'interactive:button_reply', 'interactive:list_reply', 'location', 'order', 'reaction', 'sticker', 'text', 'unsupported', 'video'].sort(),
    )
    expect(byType.get('interactive:button_reply')).toMatchObject({ from: CUSTOMER, context: { from: phone.display.replace(/\D/g, ''), id: offer }, interactive: { button_reply: { id: 'slot-9', title: '9:00' } } })
    expect(byType.get('reaction')).toMatchObject({ reaction: { message_id: offer } })
    expect(byType.get('image')).toMatchObject({ image: { mime_type: 'image/png', id: expect.stringMatching(/^\d+$/) as unknown } })
    expect(byType.get('unsupported')).toMatchObject({ errors: [{ code: 131051 }] })
    for (const webhook of endpoint.received) expect(signatureIsValid(webhook.raw, webhook.headers['x-hub-signature-256'], sandbox.app.secret)).toBe(true)
    const withMessages = endpoint.changes().filter((change) => change.value.messages)
    const userId = endpoint.messages()[0]!.from_user_id
    expect(userId).toMatch(/^US\.\d{20}$/)
    for (const change of withMessages) expect(change.value.contacts).toEqual([{ profile: { name: expect.any(String) as unknown }, wa_id: CUSTOMER, user_id: userId }])
    for (const message of endpoint.messages()) expect(message).toMatchObject({ from: CUSTOMER, from_user_id: userId })

    await sandbox.customers.send({ from: CUSTOMER, type: 'system' })
    await advance(fixture, 1000)
    const system = endpoint.changes().at(-1)!.value
    expect(system.contacts).toBeUndefined()
    expect(system.messages![0]).toMatchObject({
      from: CUSTOMER,
      from_user_id: userId,
      type: 'system',
      system: { type: 'user_changed_number', wa_id: expect.stringMatching(/^\d+$/) as unknown, user_id: expect.stringMatching(/^[A-Z]{2}\.\d+$/) as unknown, previous_user_id: userId },
    })
  })

  it('writes bodies as Meta does (non-ASCII as \\uXXXX, / as \\/), so receivers that re-serialise to verify accept accents and emoji', async () => {
    const fixture = await testSandbox()
    const { sandbox } = fixture
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)
    for (const type of ['location', 'image', 'reaction', 'reaction', 'reaction', 'reaction', 'reaction'] as const) await sandbox.customers.send({ from: CUSTOMER, type })
    await advance(fixture, 1000)

    const raw = Buffer.concat(endpoint.received.map((webhook) => webhook.raw)).toString('latin1')
    // Praça do Comércio, image/png, and an emoji beyond the BMP as its UTF-16 surrogate pair.
    expect(raw).toContain('Pra\\u00e7a do Com\\u00e9rcio')
    expect(raw).toContain('"mime_type":"image\\/png"')
    const reactions = endpoint.messages().flatMap((message) => (message.type === 'reaction' ? [(message.reaction as { emoji: string }).emoji] : []))
    const wide = reactions.find((emoji) => emoji.codePointAt(0)! > 0xffff)!
    expect(wide).toBeDefined()
    expect(raw).toContain(`"emoji":"\\u${wide.charCodeAt(0).toString(16)}\\u${wide.charCodeAt(1).toString(16)}`)
    expect(raw).not.toMatch(/\\u[0-9a-f]{0,3}[A-F]/)

    for (const webhook of endpoint.received) {
      expect(webhook.raw.every((byte) => byte < 0x80)).toBe(true)
      const header = webhook.headers['x-hub-signature-256']
      expect(signatureMatchesReserialised(webhook.body, header, sandbox.app.secret)).toBe(true)
      expect(signatureIsValid(webhook.raw, header, sandbox.app.secret)).toBe(true)
    }
    // The escaped form is what makes it work: plain UTF-8 JSON of the same body has another signature.
    const accented = endpoint.received.find((webhook) => JSON.stringify(webhook.body).includes('ç'))!
    expect(signatureIsValid(Buffer.from(JSON.stringify(accented.body)), accented.headers['x-hub-signature-256'], sandbox.app.secret)).toBe(false)
  })

  it('retries a failing callback with backoff until it answers 200, with the same signed body', async () => {
    const fixture = await testSandbox()
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)
    const reports: { ok: boolean; retryInMs: number | null }[] = []
    fixture.sandbox.onDelivery((report) => reports.push(report))
    endpoint.failNext(500, 503, 502)
    await fixture.sandbox.customers.send({ from: CUSTOMER })
    await advance(fixture, 1000)
    expect(endpoint.received).toHaveLength(1)
    await advance(fixture, 999)
    expect(endpoint.received).toHaveLength(1)
    await advance(fixture, 1)
    expect(endpoint.received).toHaveLength(2)
    await advance(fixture, 10_000)
    expect(endpoint.received).toHaveLength(3)
    await advance(fixture, 60_000)
    expect(endpoint.received).toHaveLength(4)
    await advance(fixture, 24 * 3600 * 1000)
    expect(endpoint.received).toHaveLength(4)
    expect(new Set(endpoint.received.map((webhook) => webhook.raw.toString()))).toHaveProperty('size', 1)
    expect(new Set(endpoint.received.map((webhook) => webhook.headers['x-hub-signature-256'])).size).toBe(1)
    expect(reports).toEqual([
      expect.objectContaining({ ok: false, status: 500, retryInMs: 1000 }),
      expect.objectContaining({ ok: false, status: 503, retryInMs: 10_000 }),
      expect.objectContaining({ ok: false, status: 502, retryInMs: 60_000 }),
      expect.objectContaining({ ok: true, status: 200, retryInMs: null }),
    ])
  })

  it('gives up after 7 days of retries', async () => {
    const fixture = await testSandbox()
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)
    endpoint.failNext(...Array<number>(40).fill(500))
    await fixture.sandbox.customers.send({ from: CUSTOMER })
    for (let hour = 0; hour < 8 * 24; hour++) await advance(fixture, 3600 * 1000)
    const attempts = endpoint.received.length
    expect(attempts).toBeGreaterThan(10)
    await advance(fixture, 30 * 24 * 3600 * 1000)
    expect(endpoint.received).toHaveLength(attempts)
  })

  it('with quirks on, is deterministic per seed and shows Meta’s irregularities: batches, out of order, duplicates, read without delivered', async () => {
    const run = async () => {
      const fixture = await testSandbox({ quirks: true, seed: 1234 })
      const endpoint = await receiver()
      await subscribeApp(fixture, endpoint)
      for (let i = 0; i < 40; i++) {
        const to = `1555010${String(1000 + i)}`
        await fixture.graph.post(`/${fixture.sandbox.phoneNumbers[0]!.id}/messages`, { messaging_product: 'whatsapp', to, ...template }, fixture.token)
      }
      await advance(fixture, 300_000)
      await advance(fixture, 300_000)
      return endpoint
    }
    const endpoint = await run()
    const perMessage = new Map<string, string[]>()
    for (const status of endpoint.statuses()) perMessage.set(status.id, [...(perMessage.get(status.id) ?? []), status.status])
    const sequences = [...perMessage.values()]
    expect(sequences.some((sequence) => sequence.indexOf('delivered') !== -1 && sequence.indexOf('delivered') < sequence.indexOf('sent'))).toBe(true)
    expect(sequences.some((sequence) => sequence.includes('read') && !sequence.includes('delivered'))).toBe(true)
    expect(sequences.some((sequence) => new Set(sequence).size < sequence.length)).toBe(true)
    expect(endpoint.received.some((webhook) => webhook.body.entry.length > 1 || webhook.body.entry[0]!.changes.length > 1)).toBe(true)

    const again = await run()
    expect(again.received.map((webhook) => webhook.raw.toString())).toEqual(endpoint.received.map((webhook) => webhook.raw.toString()))
  })

  it('plays delays faster with speed, and stops delivering once closed', async () => {
    const fixture = await testSandbox({ speed: 10 })
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)
    const phone = fixture.sandbox.phoneNumbers[0]!.id
    await fixture.sandbox.customers.send({ from: CUSTOMER })
    await fixture.graph.post(`/${phone}/messages`, { messaging_product: 'whatsapp', to: CUSTOMER, type: 'text', text: { body: 'quick' } }, fixture.token)
    // Unscaled, read comes 2.6–34 s after the send; at speed 10 it is within 3.5 s.
    await advance(fixture, 3500)
    expect(endpoint.statuses().map((status) => status.status)).toEqual(['sent', 'delivered', 'read'])

    await fixture.graph.post(`/${phone}/messages`, { messaging_product: 'whatsapp', to: CUSTOMER, type: 'text', text: { body: 'never seen' } }, fixture.token)
    await fixture.sandbox.close()
    fixture.clock.advance(60_000)
    await fixture.sandbox.whenIdle()
    expect(endpoint.statuses()).toHaveLength(3)
    expect(fixture.clock.timerCount).toBe(0)
  })
})
