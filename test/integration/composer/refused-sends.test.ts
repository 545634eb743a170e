import { Readable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import type { OutgoingMessage } from '@shared/contract'
import { metaLike, type MetaLike } from '../../support/meta-like'
import { sandboxCore, type SandboxCore } from '../../support/sandbox-core'

const CUSTOMER = '12015550123'
const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(3000, 7)])

interface RefusedRow {
  profile_id: string
  at: number
  step: string
  type: string
  template: string | null
  http_status: number
  code: number | null
  subcode: number | null
  title: string | null
  details: string | null
  fbtrace_id: string | null
}

const refused = (s: { core: SandboxCore['core'] }) => s.core.store.db.prepare('SELECT * FROM refused_sends ORDER BY id').all() as unknown as RefusedRow[]

/** One message of every kind the composer sends, each with Meta's type for it. */
const kinds: { message: OutgoingMessage; type: string }[] = [
  { message: { kind: 'text', body: 'Your order shipped' }, type: 'text' },
  { message: { kind: 'template', name: 'order_update', language: 'en_US', body: ['Ana', '#1042', 'Friday'] }, type: 'template' },
  { message: { kind: 'image', link: 'https://example.com/photo.jpg' }, type: 'image' },
  { message: { kind: 'video', link: 'https://example.com/clip.mp4' }, type: 'video' },
  { message: { kind: 'audio', link: 'https://example.com/note.ogg' }, type: 'audio' },
  { message: { kind: 'document', link: 'https://example.com/invoice.pdf', filename: 'invoice.pdf' }, type: 'document' },
  { message: { kind: 'sticker', link: 'https://example.com/s.webp' }, type: 'sticker' },
  { message: { kind: 'location', latitude: 52.52, longitude: 13.405 }, type: 'location' },
  { message: { kind: 'reaction', messageId: 'wamid.HBgLMTU1NTAxMDQ0NzcVAgASGBQzQUM5', emoji: '👍' }, type: 'reaction' },
  { message: { kind: 'contacts', contacts: [{ name: 'Depot', phones: [{ phone: '+49 30 1234567' }] }] }, type: 'contacts' },
  { message: { kind: 'buttons', body: 'Did it arrive?', buttons: [{ id: 'y', title: 'Yes' }] }, type: 'interactive' },
  { message: { kind: 'list', body: 'Pick a slot', button: 'Slots', sections: [{ rows: [{ id: 'a', title: '10:00' }] }] }, type: 'interactive' },
  { message: { kind: 'cta_url', body: 'Track it', displayText: 'Track', url: 'https://example.com/t/1' }, type: 'interactive' },
]

describe('sends Graph refused at once are kept', () => {
  let s: SandboxCore
  afterEach(() => s.core.close())

  it('keeps one row per refused send of every kind and of a file upload, and rethrows Graph’s error as it was', async () => {
    s = await sandboxCore()
    await s.core.call('sandbox.simulateInbound', { type: 'text', from: CUSTOMER })
    await s.advance(2000)
    // "Require App Secret" without the proof: Meta refuses every call with code 100.
    await s.core.call('sandbox.setRequireAppSecret', { on: true })
    const before = s.clock.now()
    for (const { message } of kinds) {
      const send = s.core.call('composer.send', { to: `+${CUSTOMER}`, message })
      await expect(send, message.kind).rejects.toMatchObject({
        code: 'graph',
        message: expect.stringContaining('(Graph error 100, HTTP 400)') as string,
        graph: { code: 100, status: 400, hint: expect.stringMatching(/Send appsecret_proof/) as string },
        exchange: { responseBody: expect.stringContaining('appsecret_proof') as string },
      })
    }
    await expect(s.core.uploadMedia({ kind: 'image', mimeType: 'image/png', filename: 'kettle.png', body: Readable.from([png]) })).rejects.toMatchObject({
      code: 'graph',
      graph: { code: 100 },
    })

    const rows = refused(s)
    expect(rows.map((r) => [r.step, r.type])).toEqual([...kinds.map((k) => ['message', k.type]), ['upload', 'image']])
    for (const row of rows) {
      expect(row).toMatchObject({ profile_id: s.profileId, http_status: 400, code: 100, subcode: null, title: expect.stringMatching(/appsecret_proof/) as string })
      expect(row.at).toBeGreaterThanOrEqual(before)
      expect(row.fbtrace_id).toEqual(expect.any(String))
      expect(row.template).toBe(row.type === 'template' ? 'order_update' : null)
    }
    // Neither the token nor the customer is kept.
    const kept = JSON.stringify(rows)
    expect(kept).not.toContain(s.core.vault.cached(s.profileId)!.accessToken!)
    expect(kept).not.toContain(CUSTOMER)
    // No message exists for any of them.
    expect((await s.core.call('inbox.thread', { contact: CUSTOMER, limit: 50 })).messages.filter((m) => m.direction === 'out')).toEqual([])
  })

  it('keeps template mistakes (132001) with the template’s name and throughput refusals (130429), one row per refused send', async () => {
    s = await sandboxCore({ sandbox: { messagesPerSecond: 3 } })
    await s.core.call('sandbox.simulateInbound', { type: 'text', from: CUSTOMER })
    await s.advance(2000)
    await expect(s.core.call('composer.send', { to: CUSTOMER, message: { kind: 'template', name: 'no_such_template', language: 'en_US' } })).rejects.toMatchObject({
      graph: { code: 132001 },
    })
    await s.advance(2000)
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => s.core.call('composer.send', { to: CUSTOMER, message: { kind: 'text', body: `burst ${i}` } })))
    const limited = results.filter((r) => r.status === 'rejected')
    expect(limited.length).toBeGreaterThan(0)

    const rows = refused(s)
    expect(rows[0]).toMatchObject({ step: 'message', type: 'template', template: 'no_such_template', code: 132001 })
    expect(rows.slice(1)).toHaveLength(limited.length)
    for (const row of rows.slice(1)) expect(row).toMatchObject({ type: 'text', template: null, http_status: 429, code: 130429, title: 'Rate limit hit' })
  })

  it('keeps nothing for a send that went through', async () => {
    s = await sandboxCore()
    await s.core.call('sandbox.simulateInbound', { type: 'text', from: CUSTOMER })
    await s.advance(2000)
    await s.core.call('composer.send', { to: CUSTOMER, message: { kind: 'text', body: 'fine' } })
    expect(refused(s)).toEqual([])
  })
})

describe('a send that reached no Graph', () => {
  let m: MetaLike
  afterEach(() => m.close())

  it('is not a refusal: nothing is kept', async () => {
    m = await metaLike()
    await m.proxy.close()
    await expect(m.core.call('composer.send', { to: CUSTOMER, message: { kind: 'template', name: 'hello_world', language: 'en_US' } })).rejects.toMatchObject({
      code: 'network',
    })
    expect(refused(m)).toEqual([])
  })
})
