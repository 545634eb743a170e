import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import type { EventPayload } from '@shared/contract'
import { sandboxCore, type SandboxCore } from '../../support/sandbox-core'

const CUSTOMER = '12015550123'
const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(300_000, 7)])

/** The parts of Meta's request bodies these tests read. */
interface SentBody {
  interactive: { action: unknown }
  contacts: unknown
  audio: unknown
}
/** The request body a send carried, as Meta received it. */
const requestOf = (sent: { exchange: { requestBody: string | null } | null }): SentBody => JSON.parse(sent.exchange!.requestBody!) as SentBody

describe('files and rich messages', () => {
  let s: SandboxCore
  afterEach(() => s.core.close())

  async function openWindow() {
    s = await sandboxCore()
    await s.core.call('sandbox.simulateInbound', { type: 'text', from: CUSTOMER })
    await s.advance(2000)
  }

  it('uploads a photo to Meta (multipart, streamed, with progress), sends it by id, and the thread shows the file from here', async () => {
    await openWindow()
    const progress: EventPayload<'media.uploading'>[] = []
    s.core.events.on('media.uploading', (event) => progress.push(event))
    const uploaded = await s.core.uploadMedia({ kind: 'image', mimeType: 'image/png', filename: 'kettle.png', body: Readable.from([png]), uploadId: 'up-1' })
    expect(uploaded).toMatchObject({ kind: 'image', state: 'stored', size: png.length, mimeType: 'image/png', filename: 'kettle.png' })
    s.core.events.flush()
    expect(progress.at(-1)).toEqual({ uploadId: 'up-1', sent: png.length, total: png.length })

    const sent = await s.core.call('composer.send', { to: CUSTOMER, message: { kind: 'image', mediaId: uploaded.mediaId, caption: 'The broken kettle' } })
    expect(sent.exchange?.requestBody).toContain(`"image":{"id":"${uploaded.mediaId}","caption":"The broken kettle"}`)
    expect(sent.message.content).toMatchObject({ kind: 'media', media: 'image', id: uploaded.mediaId })
    const shown = await s.core.call('media.get', { mediaId: uploaded.mediaId })
    const file = s.core.openMedia(shown.src!.slice('/media/'.length))!
    expect(createHash('sha256').update(readFileSync(file.path)).digest('hex')).toBe(createHash('sha256').update(png).digest('hex'))
    await s.advance(60_000)
    const delivered = (await s.core.call('inbox.thread', { contact: CUSTOMER, limit: 10 })).messages.find((m) => m.wamid === sent.message.wamid)
    expect(['delivered', 'read']).toContain(delivered?.status)
  })

  it('refuses a file Meta would refuse before anything is sent, with the reason', async () => {
    await openWindow()
    await expect(s.core.uploadMedia({ kind: 'image', mimeType: 'image/webp', filename: 'a.webp', body: Readable.from([png]) })).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'WhatsApp does not take image/webp as an image: use image/jpeg, image/png',
    })
    const large = Buffer.alloc(101 * 1024, 1)
    await expect(s.core.uploadMedia({ kind: 'sticker', mimeType: 'image/webp', filename: 's.webp', body: Readable.from([large]) })).rejects.toMatchObject({
      message: 'The file is 101 KB; WhatsApp takes static stickers up to 100 KB',
    })
    // Nothing was kept, and nothing reached Meta.
    expect(readdirSync(join(s.core.context.config.dataDir, 'media'))).toEqual([])
    expect(readdirSync(join(s.core.context.config.dataDir, 'sandbox', 'media')).filter((name) => !name.startsWith('.'))).toEqual([])
  })

  it('sends reply buttons, lists, call-to-action links, contact cards and voice notes as Meta documents them', async () => {
    await openWindow()
    const send = (message: Parameters<typeof s.core.call<'composer.send'>>[1]['message']) => s.core.call('composer.send', { to: CUSTOMER, message })
    const buttons = await send({ kind: 'buttons', header: 'Order 1042', body: 'Ship today?', footer: 'Reply by 5 pm', buttons: [{ id: 'yes', title: 'Yes' }, { id: 'later', title: 'Tomorrow' }] })
    expect(JSON.parse(buttons.exchange!.requestBody!)).toMatchObject({
      type: 'interactive',
      interactive: { type: 'button', header: { type: 'text', text: 'Order 1042' }, body: { text: 'Ship today?' }, footer: { text: 'Reply by 5 pm' }, action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Yes' } }, { type: 'reply', reply: { id: 'later', title: 'Tomorrow' } }] } },
    })
    expect(buttons.message.content).toMatchObject({ kind: 'interactive', options: ['Yes', 'Tomorrow'] })
    const list = await send({ kind: 'list', body: 'Pick a slot', button: 'Slots', sections: [{ title: 'Tuesday', rows: [{ id: 'tue-10', title: '10:00', description: 'Berlin' }] }, { title: 'Wednesday', rows: [{ id: 'wed-9', title: '09:00' }] }] })
    expect(requestOf(list).interactive.action).toEqual({
      button: 'Slots',
      sections: [{ title: 'Tuesday', rows: [{ id: 'tue-10', title: '10:00', description: 'Berlin' }] }, { title: 'Wednesday', rows: [{ id: 'wed-9', title: '09:00' }] }],
    })
    const cta = await send({ kind: 'cta_url', body: 'Your parcel', displayText: 'Track it', url: 'https://example.com/track/1042' })
    expect(requestOf(cta).interactive.action).toEqual({ name: 'cta_url', parameters: { display_text: 'Track it', url: 'https://example.com/track/1042' } })
    const card = await send({ kind: 'contacts', contacts: [{ name: 'Jane Doe', phones: [{ phone: '+1 555 0100', type: 'WORK' }], emails: ['jane@example.com'] }] })
    expect(requestOf(card).contacts).toEqual([
      { name: { formatted_name: 'Jane Doe', first_name: 'Jane' }, phones: [{ phone: '+1 555 0100', type: 'WORK' }], emails: [{ email: 'jane@example.com' }] },
    ])
    const voice = await s.core.uploadMedia({ kind: 'audio', mimeType: 'audio/ogg', filename: 'note.ogg', body: Readable.from([Buffer.from('OggS' + 'x'.repeat(2000))]) })
    const note = await send({ kind: 'audio', mediaId: voice.mediaId, voice: true })
    expect(requestOf(note).audio).toEqual({ id: voice.mediaId, voice: true })
  })

  it('holds buttons and lists to Meta’s limits before sending', async () => {
    await openWindow()
    const refused = (message: unknown) => s.core.call('composer.send', { to: CUSTOMER, message: message as never })
    await expect(refused({ kind: 'buttons', body: 'x', buttons: [1, 2, 3, 4].map((n) => ({ id: `b${n}`, title: `B${n}` })) })).rejects.toMatchObject({ code: 'invalid_input', fields: { 'message.buttons': 'At most 3 buttons' } })
    await expect(refused({ kind: 'buttons', body: 'x', buttons: [{ id: 'a', title: 'Same' }, { id: 'b', title: 'Same' }] })).rejects.toMatchObject({ fields: { 'message.buttons': 'Button titles must differ' } })
    const rows = Array.from({ length: 6 }, (_, n) => ({ id: `r${n}`, title: `Row ${n}` }))
    await expect(refused({ kind: 'list', body: 'x', button: 'Pick', sections: [{ title: 'A', rows }, { title: 'B', rows: rows.map((r) => ({ ...r, id: `${r.id}b` })) }] })).rejects.toMatchObject({
      fields: { 'message.sections': 'At most 10 rows in all sections together' },
    })
    await expect(refused({ kind: 'image', link: 'https://example.com/a.png', mediaId: '123' })).rejects.toMatchObject({ fields: { 'message.link': 'Give a public link or an uploaded file, not both' } })
  })
})
