import { describe, expect, it } from 'vitest'
import type { GraphErrorResult } from './helpers/graph-client'
import { closeAfterEach, testSandbox } from './helpers/sandbox-fixture'

closeAfterEach()

const TO = '+1 (555) 010-4477'
const WA_ID = '15550104477'

const bodies: Record<string, Record<string, unknown>> = {
  text: { type: 'text', text: { body: 'Your order shipped', preview_url: false } },
  image: { type: 'image', image: { link: 'https://example.com/photo.jpg', caption: 'Receipt' } },
  'image by id': { type: 'image', image: { id: '1479537139650973' } },
  document: { type: 'document', document: { link: 'https://example.com/invoice.pdf', filename: 'invoice.pdf' } },
  audio: { type: 'audio', audio: { link: 'https://example.com/note.ogg' } },
  video: { type: 'video', video: { link: 'https://example.com/clip.mp4' } },
  sticker: { type: 'sticker', sticker: { id: '798882015472548' } },
  location: { type: 'location', location: { latitude: '37.4847', longitude: '-122.1477', name: 'HQ', address: '1 Hacker Way' } },
  contacts: { type: 'contacts', contacts: [{ name: { formatted_name: 'Sam Lee', first_name: 'Sam' }, phones: [{ phone: '+15550109999', type: 'WORK' }] }] },
  'interactive buttons': {
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: 'Confirm your slot?' },
      action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Yes' } }, { type: 'reply', reply: { id: 'no', title: 'No' } }] },
    },
  },
  'interactive list': {
    type: 'interactive',
    interactive: { type: 'list', body: { text: 'Pick a size' }, action: { button: 'Sizes', sections: [{ title: 'Shirts', rows: [{ id: 'm', title: 'Medium' }] }] } },
  },
  reaction: { type: 'reaction', reaction: { message_id: 'wamid.HBgLMTU1NTAxMDQ0NzcVAgASGBQzQTRBNjU5OUZFRDE5QUM1OTIzRQA=', emoji: '👍' } },
  reply: { type: 'text', context: { message_id: 'wamid.HBgLMTU1NTAxMDQ0NzcVAgASGBQzQTRBNjU5OUZFRDE5QUM1OTIzRQA=' }, text: { body: 'Replying to you' } },
  template: {
    type: 'template',
    template: {
      name: 'order_update',
      language: { code: 'en_US' },
      components: [
        { type: 'body', parameters: [{ type: 'text', text: 'Ana' }, { type: 'text', text: '#10234' }, { type: 'text', text: 'Friday' }] },
        { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: '10234' }] },
      ],
    },
  },
}

describe('POST /{phone-number-id}/messages', () => {
  it('accepts every message type and answers with Meta’s response shape', async () => {
    const { sandbox, graph, token } = await testSandbox()
    const phone = sandbox.phoneNumbers[0]!.id
    for (const [name, body] of Object.entries(bodies)) {
      const result = await graph.post(`/${phone}/messages`, { messaging_product: 'whatsapp', recipient_type: 'individual', to: TO, ...body }, token)
      expect(result.status, name).toBe(200)
      expect(result.body, name).toEqual({
        messaging_product: 'whatsapp',
        contacts: [{ input: TO, wa_id: WA_ID }],
        messages: [body.type === 'template' ? { id: expect.stringMatching(/^wamid\./) as unknown, message_status: 'accepted' } : { id: expect.stringMatching(/^wamid\./) as unknown }],
      })
    }
  })

  it('accepts form-encoded sends, as curl -F style clients make them', async () => {
    const { sandbox, graph, token } = await testSandbox()
    const phone = sandbox.phoneNumbers[0]!.id
    const result = await graph.post(`/${phone}/messages`, { messaging_product: 'whatsapp', to: WA_ID, type: 'text', text: { body: 'hi' } }, token, { form: true })
    expect(result.status).toBe(200)
    const contacts = await graph.post(`/${phone}/messages`, { messaging_product: 'whatsapp', to: WA_ID, ...bodies.contacts }, token, { form: true })
    expect(contacts.status).toBe(200)
  })

  it('marks an inbound message as read (with a typing indicator) and rejects unknown ids', async () => {
    const { sandbox, graph, token } = await testSandbox()
    const phone = sandbox.phoneNumbers[0]!.id
    const { wamid } = await sandbox.customers.send({ from: WA_ID })
    const read = await graph.post(`/${phone}/messages`, { messaging_product: 'whatsapp', status: 'read', message_id: wamid, typing_indicator: { type: 'text' } }, token)
    expect(read).toMatchObject({ status: 200, body: { success: true } })
    const unknown = await graph.post<GraphErrorResult>(`/${phone}/messages`, { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.nothing' }, token)
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.code).toBe(131009)
  })

  it('rejects malformed bodies synchronously with code 100 and Meta’s details', async () => {
    const { sandbox, graph, token } = await testSandbox()
    const send = (body: Record<string, unknown>) => graph.post<GraphErrorResult>(`/${sandbox.phoneNumbers[0]!.id}/messages`, body, token)
    const cases: [Record<string, unknown>, string | RegExp][] = [
      [{ to: WA_ID, type: 'text', text: { body: 'x' } }, '(#100) The parameter messaging_product is required'],
      [{ messaging_product: 'whatsapp', type: 'text', text: { body: 'x' } }, '(#100) The parameter to is required'],
      [{ messaging_product: 'whatsapp', to: 'call me maybe', type: 'text', text: { body: 'x' } }, '(#100) Invalid parameter'],
      [{ messaging_product: 'whatsapp', to: '0033612345678', type: 'text', text: { body: 'x' } }, '(#100) Invalid parameter'],
      [{ messaging_product: 'whatsapp', to: '123', type: 'text', text: { body: 'x' } }, '(#100) Invalid parameter'],
      [{ messaging_product: 'whatsapp', to: WA_ID, type: 'text', text: {} }, "(#100) The parameter text['body'] is required"],
      [{ messaging_product: 'whatsapp', to: WA_ID, type: 'fax', fax: {} }, /^\(#100\) Param type must be one of \{AUDIO, .*\} - got "fax"\.$/],
      [{ messaging_product: 'whatsapp', to: WA_ID, type: 'image', image: { caption: 'no media' } }, "(#100) The parameter image['link'] or image['id'] is required"],
      [{ messaging_product: 'whatsapp', to: WA_ID, type: 'location', location: { latitude: 'north' } }, /latitude/],
      [{ messaging_product: 'whatsapp', to: WA_ID, type: 'interactive', interactive: { type: 'button', action: { buttons: [] } } }, "(#100) The parameter interactive['body']['text'] is required"],
    ]
    for (const [body, message] of cases) {
      const result = await send(body)
      expect(result.status, JSON.stringify(body)).toBe(400)
      expect(result.body.error.code).toBe(100)
      expect(`${result.body.error.message} ${result.body.error.error_data?.details ?? ''}`.trim()).toMatch(message)
    }
    const malformedTo = await send({ messaging_product: 'whatsapp', to: 'call me maybe', type: 'text', text: { body: 'x' } })
    expect(malformedTo.body.error.error_data).toEqual({ messaging_product: 'whatsapp', details: 'Invalid parameter' })
  })

  it('rejects unknown templates and languages with 132001, parameter mismatches with 132000', async () => {
    const { sandbox, graph, token } = await testSandbox()
    const send = (template: Record<string, unknown>) =>
      graph.post<GraphErrorResult>(`/${sandbox.phoneNumbers[0]!.id}/messages`, { messaging_product: 'whatsapp', to: WA_ID, type: 'template', template }, token)

    const unknown = await send({ name: 'no_such_template', language: { code: 'en_US' } })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error).toMatchObject({
      code: 132001,
      message: '(#132001) Template name does not exist in the translation',
      error_data: { messaging_product: 'whatsapp', details: 'template name (no_such_template) does not exist in en_US' },
    })
    const language = await send({ name: 'hello_world', language: { code: 'fr' } })
    expect(language.body.error.code).toBe(132001)

    const tooFew = await send({ name: 'order_update', language: { code: 'es' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }] }] })
    expect(tooFew.status).toBe(400)
    expect(tooFew.body.error).toMatchObject({
      code: 132000,
      message: '(#132000) Number of parameters does not match the expected number of params',
      error_data: { details: 'body: number of localizable_params (1) does not match the expected number of params (3)' },
    })
    const extra = await send({ name: 'hello_world', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'surplus' }] }] })
    expect(extra.body.error.code).toBe(132000)
    const header = await send({
      name: 'appointment_reminder',
      language: { code: 'en_US' },
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ravi' }, { type: 'text', text: 'Tuesday' }] }],
    })
    expect(header.body.error).toMatchObject({ code: 132012, error_data: { details: 'header: Format mismatch, expected IMAGE, received UNKNOWN' } })
    const button = await send({
      name: 'verification_code',
      language: { code: 'en_US' },
      components: [{ type: 'body', parameters: [{ type: 'text', text: '482193' }] }],
    })
    expect(button.body.error.code).toBe(131008)
    const complete = await send({
      name: 'appointment_reminder',
      language: { code: 'en_US' },
      components: [
        { type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/clinic.jpg' } }] },
        { type: 'body', parameters: [{ type: 'text', text: 'Ravi' }, { type: 'text', text: 'Tuesday' }] },
      ],
    })
    expect(complete.status).toBe(200)
  })

  it('enforces messages per second per number with 130429', async () => {
    const { sandbox, graph, token, clock } = await testSandbox({ messagesPerSecond: 3 })
    const first = sandbox.phoneNumbers[0]!
    const second = sandbox.phoneNumbers[1]!
    const send = (phone: string, to: string) =>
      graph.post<GraphErrorResult>(`/${phone}/messages`, { messaging_product: 'whatsapp', to, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } }, token)
    for (const to of ['15550101001', '15550101002', '15550101003']) expect((await send(first.id, to)).status).toBe(200)
    const limited = await send(first.id, '15550101004')
    expect(limited.status).toBe(429)
    expect(limited.body.error).toMatchObject({ code: 130429, message: '(#130429) Rate limit hit', error_data: { details: 'Cloud API message throughput has been reached.' } })
    expect((await send(second.id, '15550101004')).status).toBe(200)
    clock.advance(1000)
    expect((await send(first.id, '15550101004')).status).toBe(200)
  })

  it('enforces the pair rate limit with 131056 and refills one message per 6 seconds', async () => {
    const { sandbox, graph, token, clock } = await testSandbox({ pairBurst: 4 })
    const phone = sandbox.phoneNumbers[0]!.id
    const send = (to: string) =>
      graph.post<GraphErrorResult>(`/${phone}/messages`, { messaging_product: 'whatsapp', to, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } }, token)
    for (let i = 0; i < 4; i++) expect((await send(WA_ID)).status).toBe(200)
    const limited = await send(WA_ID)
    expect(limited.status).toBe(400)
    expect(limited.body.error).toMatchObject({ code: 131056, message: '(#131056) (Business Account, Consumer Account) pair rate limit hit' })
    expect((await send('15550109876')).status).toBe(200)
    clock.advance(6000)
    expect((await send(WA_ID)).status).toBe(200)
    expect((await send(WA_ID)).status).toBe(400)
  })

  it('refuses expired tokens and unknown numbers', async () => {
    const { sandbox, graph, clock } = await testSandbox({ tokenLifetimeSeconds: 60 })
    const { token } = sandbox.issueToken('system_user_expiring')
    const unknownPhone = await graph.post<GraphErrorResult>('/999999999999999/messages', { messaging_product: 'whatsapp', to: WA_ID, text: { body: 'x' } }, token)
    expect(unknownPhone.status).toBe(400)
    expect(unknownPhone.body.error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' })
    clock.advance(61_000)
    const expired = await graph.post<GraphErrorResult>(`/${sandbox.phoneNumbers[0]!.id}/messages`, { messaging_product: 'whatsapp', to: WA_ID, text: { body: 'x' } }, token)
    expect(expired.status).toBe(401)
    expect(expired.body.error).toMatchObject({ code: 190, error_subcode: 463 })
  })
})

describe('phone numbers and templates', () => {
  it('describes the phone number with default and requested fields', async () => {
    const { sandbox, graph, token } = await testSandbox()
    const phone = sandbox.phoneNumbers[0]!
    const node = await graph.get(`/${phone.id}`, {}, token)
    expect(node.body).toMatchObject({ id: phone.id, display_phone_number: phone.display, verified_name: 'Switchboard Sandbox', quality_rating: 'GREEN' })
    const some = await graph.get(`/${phone.id}`, { fields: 'display_phone_number,name_status' }, token)
    expect(some.body).toEqual({ display_phone_number: phone.display, name_status: 'APPROVED', id: phone.id })
    const bad = await graph.get<GraphErrorResult>(`/${phone.id}`, { fields: 'favourite_colour' }, token)
    expect(bad.body.error.message).toBe('(#100) Tried accessing nonexisting field (favourite_colour) on node type (WhatsAppBusinessPhoneNumber)')
    const list = await graph.get<{ data: { id: string }[] }>(`/${sandbox.wabaId}/phone_numbers`, {}, token)
    expect(list.body.data.map((item) => item.id)).toEqual(sandbox.phoneNumbers.map((item) => item.id))
  })

  it('lists approved templates with components and languages, filterable by name', async () => {
    const { sandbox, graph, token } = await testSandbox()
    const all = await graph.get<{ data: { name: string; language: string; status: string; components: { type: string }[] }[] }>(`/${sandbox.wabaId}/message_templates`, {}, token)
    expect(all.status).toBe(200)
    expect(new Set(all.body.data.map((template) => template.name))).toEqual(new Set(['hello_world', 'order_update', 'appointment_reminder', 'seasonal_promotion', 'verification_code']))
    expect(all.body.data.every((template) => template.status === 'APPROVED')).toBe(true)
    const order = await graph.get<{ data: { language: string }[] }>(`/${sandbox.wabaId}/message_templates`, { name: 'order_update' }, token)
    expect(order.body.data.map((template) => template.language).sort()).toEqual(['en_US', 'es'])
  })
})
