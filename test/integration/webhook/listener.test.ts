import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { envelope, inbound, inboundKinds, messagesValue, PHONE_NUMBER_ID, statusUpdate, wamid } from '../../support/webhook-payloads'
import { metaEscapedJson } from '../../support/meta-bytes'
import { sign, webhookHarness, type WebhookHarness } from '../../support/webhook'

let hook: WebhookHarness
beforeAll(async () => {
  hook = await webhookHarness()
})
afterAll(() => hook.close())

const thread = (contact: string) => hook.core.call('inbox.thread', { contact, limit: 100 })
const requests = () => hook.core.call('webhook.requests', { limit: 500 })

describe('webhook listener: verification handshake', () => {
  it('echoes the challenge for the right verify token and records the attempt', async () => {
    const response = await fetch(`${hook.url}?hub.mode=subscribe&hub.verify_token=${hook.verifyToken}&hub.challenge=1158201444`)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('1158201444')
    const latest = (await requests()).items[0]!
    expect(latest).toMatchObject({ method: 'GET', verdict: 'verified', status: 200 })
    expect(latest.path).toContain('hub.verify_token=[redacted]')
    expect(latest.path).not.toContain(hook.verifyToken)
  })

  it('stores the verify token redacted however its name is spelled in the query', async () => {
    for (const name of ['hub.verify_token', 'hub%2Everify_token', 'hub%2everify%5Ftoken']) {
      await fetch(`${hook.url}?hub.mode=subscribe&${name}=${hook.verifyToken}&hub.challenge=7`)
      const latest = (await requests()).items[0]!
      expect(latest.path, name).not.toContain(hook.verifyToken)
      expect(latest.path, name).toContain('[redacted]')
    }
  })

  it.each([
    ['a wrong verify token', `hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`, "does not match the active profile's verify token"],
    ['a wrong mode', `hub.mode=unsubscribe&hub.verify_token=${'x'}&hub.challenge=1`, 'hub.mode is "unsubscribe"'],
    ['no challenge', `hub.mode=subscribe&hub.verify_token=x`, 'hub.challenge is missing'],
    ['no mode', `hub.verify_token=x&hub.challenge=1`, 'hub.mode is missing'],
  ])('refuses %s with 403 and says why in the inspector', async (_case, query, reason) => {
    const response = await fetch(`${hook.url}?${query}`)
    expect(response.status).toBe(403)
    const latest = (await requests()).items[0]!
    expect(latest).toMatchObject({ verdict: 'verify_failed', status: 403 })
    expect(latest.reason).toContain(reason)
  })
})

describe('webhook listener: deliveries', () => {
  it('stores every documented inbound message type and shows it in its thread', async () => {
    const from = '4915112345678'
    for (const kind of inboundKinds) {
      const response = await hook.post(inbound(from, 'Erika Mustermann', kind.message))
      expect(response.status, kind.type).toBe(200)
    }
    const { contact, messages } = await thread(from)
    expect(contact).toMatchObject({ key: from, phone: from, name: 'Erika Mustermann', unread: inboundKinds.length })
    const stored = [...messages].reverse()
    expect(stored.map((m) => m.type)).toEqual(inboundKinds.map((k) => k.type))
    expect(stored.map((m) => m.text)).toEqual(inboundKinds.map((k) => k.text))
    const unsupported = stored.find((m) => m.type === 'unsupported')!
    expect(unsupported.errors).toEqual([expect.objectContaining({ code: 131051 })])
    expect(stored.every((m) => m.direction === 'in')).toBe(true)
  })

  it('keeps a reply\'s context and makes text searchable', async () => {
    const from = '4915100000001'
    await hook.post(inbound(from, 'Max', { type: 'text', text: { body: 'Where is parcel zebra-7781?' }, context: { from: '15550783881', id: 'wamid.original' } }))
    const [message] = (await thread(from)).messages
    expect(message!.contextWamid).toBe('wamid.original')
    const { hits } = await hook.core.call('inbox.search', { query: 'zebra', limit: 10 })
    expect(hits.map((h) => h.message.contact)).toEqual([from])
    expect(hits[0]!.snippet).toContain('zebra')
  })

  it('verifies the bytes as Meta sends them (escaped non-ASCII and slashes) and stores them untouched', async () => {
    const from = '4915100000003'
    const text = 'Grüße aus Köln 🙏 https://example.com/a/b'
    const raw = metaEscapedJson(inbound(from, 'Jürgen', { type: 'text', text: { body: text } }))
    expect(raw).toContain('Gr\\u00fc\\u00dfe')
    expect(raw).toContain('\\ud83d\\ude4f')
    expect(raw).toContain('https:\\/\\/example.com')
    const response = await hook.post(null, { raw })
    expect(response.status).toBe(200)
    const { messages, contact } = await thread(from)
    expect(messages[0]!.text).toBe(text)
    expect(contact!.name).toBe('Jürgen')
    const latest = (await requests()).items[0]!
    expect((await hook.core.call('webhook.request', { id: latest.id })).body).toBe(raw)
  })

  it('ignores redeliveries: one row per wamid and per (wamid, status, timestamp)', async () => {
    const from = '4915100000002'
    const body = inbound(from, 'Dup', { type: 'text', text: { body: 'once' } })
    const sent = wamid('out')
    const status = statusUpdate(sent, from, 'delivered', Date.now())
    for (let i = 0; i < 3; i++) {
      expect((await hook.post(body)).status).toBe(200)
      expect((await hook.post(status)).status).toBe(200)
    }
    const { messages, contact } = await thread(from)
    expect(messages.filter((m) => m.direction === 'in')).toHaveLength(1)
    expect(contact!.unread).toBe(1)
    expect((await hook.core.call('inbox.statuses', { wamid: sent })).statuses).toHaveLength(1)
  })

  it('moves a message\'s status only forward, whatever order the statuses arrive in', async () => {
    const to = '4915100000003'
    const id = wamid('ordered')
    const t = Date.now()
    await hook.post(statusUpdate(id, to, 'read', t + 2000))
    await hook.post(statusUpdate(id, to, 'sent', t))
    await hook.post(statusUpdate(id, to, 'delivered', t + 1000))
    const message = (await thread(to)).messages.find((m) => m.wamid === id)!
    expect(message).toMatchObject({ direction: 'out', type: 'external', status: 'read' })
    const timeline = (await hook.core.call('inbox.statuses', { wamid: id })).statuses
    expect(timeline.map((s) => s.status)).toEqual(['sent', 'delivered', 'read'])
    expect(timeline[0]!.pricing).toMatchObject({ model: 'PMP' })

    const failing = wamid('failing')
    await hook.post(statusUpdate(failing, to, 'sent', t))
    await hook.post(
      statusUpdate(failing, to, 'failed', t + 500, {
        errors: [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', error_data: { details: 'More than 24 hours have passed since the recipient last replied.' } }],
      }),
    )
    await hook.post(statusUpdate(failing, to, 'delivered', t + 100))
    const failed = (await thread(to)).messages.find((m) => m.wamid === failing)!
    expect(failed.status).toBe('failed')
    expect(failed.errors).toEqual([expect.objectContaining({ code: 131047 })])
  })

  it('takes several entries and changes in one POST, other fields as events, value-level errors too', async () => {
    const a = '4915100000004'
    const b = '4915100000005'
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            { field: 'messages', value: messagesValue({ contacts: [{ profile: { name: 'A' }, wa_id: a }], messages: [{ from: a, id: wamid('multi'), timestamp: '1760000000', type: 'text', text: { body: 'first' } }] }) },
            { field: 'message_template_status_update', value: { event: 'APPROVED', message_template_id: 123, message_template_name: 'order_update', message_template_language: 'en_US', reason: 'NONE' } },
          ],
        },
        {
          id: '102290129340398',
          changes: [
            { field: 'messages', value: messagesValue({ contacts: [{ profile: { name: 'B' }, wa_id: b }], messages: [{ from: b, id: wamid('multi'), timestamp: '1760000001', type: 'text', text: { body: 'second' } }] }) },
            { field: 'phone_number_quality_update', value: { display_phone_number: '15550783881', event: 'FLAGGED', current_limit: 'TIER_1K' } },
            { field: 'messages', value: messagesValue({ errors: [{ code: 131000, title: 'Something went wrong', message: 'Something went wrong', error_data: { details: 'x' } }] }) },
          ],
        },
      ],
    }
    const response = await hook.post(body)
    expect(response.status).toBe(200)
    expect((await thread(a)).messages[0]!.text).toBe('first')
    expect((await thread(b)).messages[0]!.text).toBe('second')
    const request = (await requests()).items[0]!
    expect(request).toMatchObject({ verdict: 'accepted', signature: 'valid', eventCount: 5 })
    const rows = hook.core.store.db.prepare("SELECT field, summary FROM webhook_events WHERE request_id = ? ORDER BY id").all(request.id)
    expect(rows).toEqual([
      { field: 'message_template_status_update', summary: 'order_update · en_US · APPROVED' },
      { field: 'phone_number_quality_update', summary: '15550783881 · FLAGGED · TIER_1K' },
      { field: 'messages.errors', summary: 'Error 131000: Something went wrong' },
    ])
  })

  it('stores unknown shapes and fields raw instead of dropping them', async () => {
    for (const body of [{ object: 'page', entry: [] }, { hello: 'world' }, [1, 2, 3], envelope([{ field: 'brand_new_field', value: { event: 'SOMETHING' } }])]) {
      expect((await hook.post(body)).status).toBe(200)
    }
    const fields = hook.core.store.db.prepare("SELECT field FROM webhook_events WHERE field IN ('unknown', 'brand_new_field')").all() as { field: string }[]
    expect(fields.map((f) => f.field).sort()).toEqual(['brand_new_field', 'unknown', 'unknown', 'unknown'])
  })
})

describe('webhook listener: refusals store no event', () => {
  const countEvents = () =>
    hook.core.store.db.prepare('SELECT (SELECT COUNT(*) FROM messages) + (SELECT COUNT(*) FROM statuses) + (SELECT COUNT(*) FROM webhook_events) AS n').get() as { n: number }

  it.each([
    ['a forged signature', { signature: `sha256=${'0'.repeat(64)}` }, 401, 'does not match'],
    ['a body signed with another secret', { secret: 'ffffffffffffffffffffffffffffffff' }, 401, 'does not match'],
    ['no signature', { signature: null }, 401, 'No X-Hub-Signature-256'],
    ['a malformed signature header', { signature: 'md5=abc' }, 401, 'not sha256= and 64 hex digits'],
    ['malformed JSON with a valid signature', { raw: '{"object": "whatsapp_business_account", ' }, 400, 'not JSON'],
  ])('%s → %i', async (_case, options, status, reason) => {
    const before = countEvents().n
    const response = await hook.post(inbound('4915100000009', 'Eve', { type: 'text', text: { body: 'sneaky' } }), options)
    expect(response.status).toBe(status)
    expect(countEvents().n).toBe(before)
    const latest = (await requests()).items[0]!
    expect(latest).toMatchObject({ verdict: 'rejected', status })
    expect(latest.reason).toContain(reason)
  })

  it('refuses an unsigned request before reading its body, and closes the connection', async () => {
    const socket = connect(hook.port, '127.0.0.1')
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
    // Headers promise a megabyte; not a byte of it is sent.
    socket.write('POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n')
    const answer = await new Promise<string>((resolve) => {
      let text = ''
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
      socket.on('close', () => resolve(text))
    })
    expect(answer).toMatch(/^HTTP\/1\.1 401/)
    expect(answer.toLowerCase()).toContain('connection: close')
    expect((await requests()).items[0]).toMatchObject({ verdict: 'rejected', status: 401, signature: 'missing', size: 1000000 })
  })

  it.each([
    ['Origin', { origin: 'https://evil.example' }],
    ['Sec-Fetch-Site', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses a request a browser sent (%s): Meta never sends one', async (_case, headers) => {
    const before = countEvents().n
    const raw = JSON.stringify(inbound('4915100000011', 'Page', { type: 'text', text: { body: 'from a web page' } }))
    const response = await fetch(hook.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw, hook.appSecret), ...headers }, body: raw })
    expect(response.status).toBe(403)
    expect(countEvents().n).toBe(before)
    expect((await requests()).items[0]!.reason).toContain('web browser')
    expect((await fetch(`${hook.url}?hub.mode=subscribe&hub.verify_token=${hook.verifyToken}&hub.challenge=1`, { headers })).status).toBe(403)
  })

  it('counts refusals since start and over the last minute', async () => {
    const before = hook.core.webhook.status().refused.sinceStart
    for (let i = 0; i < 3; i++) await hook.post({ forged: i }, { signature: `sha256=${'1'.repeat(64)}` })
    await vi.waitFor(() => expect(hook.core.webhook.status().refused.sinceStart).toBe(before + 3))
    expect(hook.core.webhook.status().refused.lastMinute).toBeGreaterThanOrEqual(3)
  })

  it('answers 413 above the 4 MiB limit without reading it all', async () => {
    const before = countEvents().n
    const huge = JSON.stringify({ object: 'whatsapp_business_account', entry: [], pad: 'x'.repeat(4 * 1024 * 1024) })
    const response = await hook.post(null, { raw: huge })
    expect(response.status).toBe(413)
    expect(countEvents().n).toBe(before)
    expect((await requests()).items[0]).toMatchObject({ verdict: 'rejected', status: 413 })
  })

  it('accepts a 3 MB batch (Meta\'s maximum) that common body parsers refuse', async () => {
    const from = '4915100000010'
    const messages = Array.from({ length: 1000 }, (_, i) => ({ from, id: wamid('batch'), timestamp: '1760000000', type: 'text', text: { body: `bulk ${i} ${'y'.repeat(2800)}` } }))
    const body = envelope([{ field: 'messages', value: messagesValue({ messages }) }])
    expect(JSON.stringify(body).length).toBeGreaterThan(2.8 * 1024 * 1024)
    expect((await hook.post(body)).status).toBe(200)
    expect((await hook.core.call('inbox.thread', { contact: from, limit: 500 })).messages).toHaveLength(500)
  })

  it('only serves /webhook and only GET and POST', async () => {
    expect((await fetch(hook.url.replace('/webhook', '/other'))).status).toBe(404)
    expect((await fetch(hook.url, { method: 'PUT', body: '{}' })).status).toBe(405)
  })

  it('lists the phone number id with each stored message', () => {
    const row = hook.core.store.db.prepare('SELECT phone_number_id FROM messages WHERE direction = ? LIMIT 1').get('in') as { phone_number_id: string }
    expect(row.phone_number_id).toBe(PHONE_NUMBER_ID)
  })
})
