import { afterEach, describe, expect, it } from 'vitest'
import type { OutgoingMessage } from '@shared/contract'
import { messageRequestBody } from '../../../src/main/core/composer'
import { loadMetaOpenApi } from '../../support/meta-openapi'
import { metaLike, type MetaLike } from '../../support/meta-like'
import { sandboxCore, type SandboxCore } from '../../support/sandbox-core'

const MESSAGES = '/{Version}/{Phone-Number-ID}/messages'
const spec = loadMetaOpenApi()
if (spec.skipReason) console.warn(`[composer] request-body conformance skipped: ${spec.skipReason}`)

const every: { name: string; message: OutgoingMessage; replyTo?: string }[] = [
  { name: 'text', message: { kind: 'text', body: 'Your order shipped: https://example.com/t/1', previewUrl: true } },
  {
    name: 'template',
    message: { kind: 'template', name: 'order_update', language: 'en_US', body: ['Ana', '#1042', 'Friday'], buttons: [{ index: 0, subType: 'url', value: '1042' }] },
  },
  { name: 'template with media header', message: { kind: 'template', name: 'appointment_reminder', language: 'en_US', headerMedia: { type: 'image', link: 'https://example.com/a.jpg' }, body: ['Ana', '10:00'] } },
  { name: 'image', message: { kind: 'image', link: 'https://example.com/photo.jpg', caption: 'The box' } },
  { name: 'video', message: { kind: 'video', link: 'https://example.com/clip.mp4', caption: 'How to' } },
  { name: 'audio', message: { kind: 'audio', link: 'https://example.com/note.ogg' } },
  { name: 'document', message: { kind: 'document', link: 'https://example.com/invoice.pdf', caption: 'Invoice', filename: 'invoice-1042.pdf' } },
  { name: 'location', message: { kind: 'location', latitude: 52.52, longitude: 13.405, name: 'Depot', address: 'Alexanderplatz 1, Berlin' } },
  { name: 'reaction', message: { kind: 'reaction', messageId: 'wamid.HBgLMTU1NTAxMDQ0NzcVAgASGBQzQUM5', emoji: '👍' } },
  { name: 'reply', message: { kind: 'text', body: 'Yes, it did.' }, replyTo: 'wamid.HBgLMTU1NTAxMDQ0NzcVAgASGBQzQUM5' },
]

describe.skipIf(!spec.spec)(`composer request bodies${spec.skipReason ? ` (skipped: ${spec.skipReason})` : ''}`, () => {
  it.each(every)('$name validates against the send-message schema', ({ message, replyTo }) => {
    const body = messageRequestBody(message, { to: '12015550123' }, replyTo)
    expect(spec.spec!.validateRequestBody('POST', MESSAGES, body).errors).toEqual([])
  })
})

describe('composer against the sandbox', () => {
  let s: SandboxCore
  afterEach(() => s.core.close())

  it('sends every kind: accepted at once, in its thread at once', async () => {
    s = await sandboxCore()
    const { wamid: inbound } = await s.core.call('sandbox.simulateInbound', { type: 'text', from: '12015550123' })
    await s.advance(2000)
    for (const { name, message, replyTo } of every) {
      const m = message.kind === 'reaction' ? { ...message, messageId: inbound } : message
      const result = await s.core.call('composer.send', { to: '+1 201 555 0123', message: m, ...(replyTo ? { replyTo: inbound } : {}) })
      expect(result.message.wamid, name).toMatch(/^wamid\./)
      expect(result.message).toMatchObject({ direction: 'out', contact: '12015550123', type: m.kind })
      expect(result.exchange?.requestBody, name).toContain('"messaging_product":"whatsapp"')
      expect(JSON.stringify(result.exchange)).not.toContain(s.core.vault.cached(s.profileId)!.accessToken!)
    }
    const thread = await s.core.call('inbox.thread', { contact: '12015550123', limit: 50 })
    expect(thread.messages.filter((m) => m.direction === 'out')).toHaveLength(every.length)
    const template = thread.messages.find((m) => m.type === 'template')!
    expect(template.status).toBe('accepted')
  })

  it('answers a username customer by BSUID (as `recipient`), inside their window, in their one conversation', async () => {
    s = await sandboxCore()
    const person = (await s.core.call('sandbox.status')).people.find((p) => p.username !== null && p.phone === null)!
    await s.core.call('sandbox.simulateInbound', { type: 'text', from: person.userId })
    await s.advance(2000)
    const check = await s.core.call('composer.check', { to: person.userId })
    expect(check.recipient).toMatchObject({ kind: 'bsuid', userId: person.userId, waId: null, contact: person.userId, username: person.username })
    expect(check.window.open).toBe(true)

    const result = await s.core.call('composer.send', { to: person.userId, message: { kind: 'text', body: 'Here is the link' } })
    expect(result.message).toMatchObject({ contact: person.userId, direction: 'out' })
    const body = JSON.parse(result.exchange!.requestBody!) as Record<string, unknown>
    expect(body).toMatchObject({ recipient: person.userId })
    expect(body).not.toHaveProperty('to')
    for (let i = 0; i < 30; i++) await s.advance(2000)
    const thread = await s.core.call('inbox.thread', { contact: person.userId, limit: 10 })
    expect(thread.messages.find((m) => m.wamid === result.message.wamid)?.status).toBe('read')
    expect((await s.core.call('inbox.conversations', { limit: 50 })).items.filter((c) => c.userId === person.userId)).toHaveLength(1)
  })

  it('refuses what is neither a phone number nor a BSUID before anything is sent', async () => {
    s = await sandboxCore()
    const check = await s.core.call('composer.check', { to: 'us.1234' })
    expect(check.problem).toMatch(/not a business-scoped user ID/)
    await expect(s.core.call('composer.send', { to: 'us.1234', message: { kind: 'text', body: 'x' } })).rejects.toMatchObject({ code: 'invalid_input' })
  })

  it('warns before a template to a customer who stopped marketing messages, and Meta fails a marketing one with 131050', async () => {
    s = await sandboxCore()
    await s.core.call('sandbox.simulateInbound', { type: 'text', from: '12015550123' })
    await s.advance(2000)
    await s.core.call('sandbox.setMarketingPreference', { from: '12015550123', value: 'stop' })
    await s.advance(2000)
    const check = await s.core.call('composer.check', { to: '+12015550123' })
    expect(check.recipient?.marketingStoppedAt).not.toBeNull()
    const { message, warnings } = await s.core.call('composer.send', {
      to: '+12015550123',
      message: { kind: 'template', name: 'seasonal_promotion', language: 'en_US', header: ['Summer'], body: ['Ana', '20%', 'Sunday'] },
    })
    expect(warnings.find((w) => w.code === 'marketing_stopped')?.message).toMatch(/asked on .* to stop marketing messages.*131050/)
    for (let i = 0; i < 10; i++) await s.advance(2000)
    const failed = (await s.core.call('inbox.thread', { contact: '12015550123', limit: 5 })).messages.find((m) => m.wamid === message.wamid)!
    expect(failed).toMatchObject({ status: 'failed', errors: [expect.objectContaining({ code: 131050 })] })
    expect(failed.hint).toMatch(/asked to stop marketing messages/)
  })

  it('follows statuses from the webhooks: sent → delivered → read', async () => {
    s = await sandboxCore()
    await s.core.call('sandbox.simulateInbound', { type: 'text', from: '12015550123' })
    await s.advance(2000)
    const { message } = await s.core.call('composer.send', { to: '+12015550123', message: { kind: 'text', body: 'On its way' } })
    for (let i = 0; i < 30; i++) await s.advance(2000)
    const statuses = (await s.core.call('inbox.statuses', { wamid: message.wamid })).statuses.map((x) => x.status)
    expect(statuses).toEqual(expect.arrayContaining(['sent', 'read']))
    const thread = await s.core.call('inbox.thread', { contact: '12015550123', limit: 10 })
    expect(thread.messages.find((m) => m.wamid === message.wamid)?.status).toBe('read')
  })

  it('free-form outside the window: accepted, then failed with 131047 and the hint to use a template', async () => {
    s = await sandboxCore()
    const check = await s.core.call('composer.check', { to: '+12015550188' })
    expect(check.window.open).toBe(false)
    expect(check.warnings[0]).toMatchObject({ code: 'never_wrote', message: expect.stringContaining('only an approved template') as string })
    const { message, warnings } = await s.core.call('composer.send', { to: '+12015550188', message: { kind: 'text', body: 'Hello out of the blue' } })
    expect(warnings[0]?.message).toContain('131047')
    expect(message.wamid).toMatch(/^wamid\./)
    for (let i = 0; i < 10; i++) await s.advance(2000)
    const failed = (await s.core.call('inbox.thread', { contact: '12015550188', limit: 5 })).messages.find((m) => m.wamid === message.wamid)!
    expect(failed.status).toBe('failed')
    expect(failed.errors).toEqual([expect.objectContaining({ code: 131047 })])
    expect(failed.hint).toMatch(/template/i)
  })

  it('template mistakes come back as 132001 (unknown) and 132000 (parameter count)', async () => {
    s = await sandboxCore()
    await expect(
      s.core.call('composer.send', { to: '+12015550123', message: { kind: 'template', name: 'no_such_template', language: 'en_US' } }),
    ).rejects.toMatchObject({ code: 'graph', graph: { code: 132001 } })
    const wrong = s.core.call('composer.send', { to: '+12015550123', message: { kind: 'template', name: 'order_update', language: 'en_US', body: ['only one'] } })
    await expect(wrong).rejects.toMatchObject({ code: 'graph', graph: { code: 132000 } })
    const error = await wrong.catch((e: unknown) => e as { exchange?: { responseBody: string } })
    expect(error.exchange?.responseBody).toContain('132000')
  })

  it('shows 130429 when the number\'s throughput is exceeded', async () => {
    s = await sandboxCore({ sandbox: { messagesPerSecond: 3 } })
    await s.core.call('sandbox.simulateInbound', { type: 'text', from: '12015550123' })
    await s.advance(2000)
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => s.core.call('composer.send', { to: '+12015550123', message: { kind: 'text', body: `burst ${i}` } })),
    )
    const limited = results.filter((r) => r.status === 'rejected').map((r) => (r).reason as { graph?: { code: number; hint: string } })
    expect(limited.length).toBeGreaterThan(0)
    expect(limited[0]!.graph).toMatchObject({ code: 130429 })
    expect(limited[0]!.graph!.hint).toMatch(/retry|wait/i)
  })

  it('keeps a draft per conversation until it is sent', async () => {
    s = await sandboxCore()
    await s.core.call('composer.saveDraft', { contact: '12015550123', text: 'half a thought' })
    expect((await s.core.call('composer.draft', { contact: '12015550123' })).text).toBe('half a thought')
    expect((await s.core.call('composer.draft', { contact: '12015550111' })).text).toBe('')
    await s.core.call('composer.send', { to: '+12015550123', message: { kind: 'template', name: 'hello_world', language: 'en_US' } })
    expect((await s.core.call('composer.draft', { contact: '12015550123' })).text).toBe('half a thought')
    await s.core.call('composer.send', { to: '+12015550123', message: { kind: 'text', body: 'the whole thought' } })
    expect((await s.core.call('composer.draft', { contact: '12015550123' })).text).toBe('')
  })
})

describe('composer with a production-like profile', () => {
  let m: MetaLike
  afterEach(() => m.close())

  it('refuses an invalid number before any request reaches Meta', async () => {
    m = await metaLike()
    for (const to of ['12', '+1 555', '+999 1234567', 'not a number']) {
      await expect(m.core.call('composer.send', { to, message: { kind: 'text', body: 'x' } })).rejects.toMatchObject({ code: 'invalid_input' })
    }
    expect(m.proxy.count(/messages$/)).toBe(0)
  })

  it('recovers from 190 during a send: one mint, then the send succeeds', async () => {
    m = await metaLike()
    await m.core.call('token.inspect')
    m.clock.advance(10 * 60_000)
    const { message } = await m.core.call('composer.send', { to: '+12015550123', message: { kind: 'template', name: 'hello_world', language: 'en_US' } })
    expect(message.wamid).toMatch(/^wamid\./)
    expect(m.proxy.count(/access_tokens$/)).toBe(1)
    const [entry] = (await m.core.call('token.log', { limit: 1 })).entries
    expect(entry).toMatchObject({ trigger: 'on_190', strategy: 'mint', outcome: 'success' })
  })
})
