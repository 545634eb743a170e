import { describe, expect, it } from 'vitest'
import type { GraphErrorResult } from './helpers/graph-client'
import { download, sha256Base64, sha256Hex } from './helpers/media-client'
import { checkPng } from './helpers/media-files'
import { advance, closeAfterEach, receiver, subscribeApp, testSandbox } from './helpers/sandbox-fixture'

closeAfterEach()

const CUSTOMER = '15550104477'

interface CreatedMedia {
  id: string
  kind: string
  mime_type: string
  file_size: number
  sha256: string
  sha256_base64: string
  phone_number_id: string
  expires_at: number
}

describe('/_sandbox/media and customers sending given media', () => {
  it('makes customer media of a kind and an exact size, streamed to disk, that a customer then sends', async () => {
    const fixture = await testSandbox()
    const { sandbox, graph, token } = fixture
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)

    const size = 3 * 1024 * 1024 + 17
    const created = await graph.post<CreatedMedia>('/_sandbox/media', { kind: 'document', bytes: size })
    expect(created.status).toBe(200)
    expect(created.body).toEqual({
      id: expect.stringMatching(/^\d{16}$/) as unknown,
      kind: 'document',
      mime_type: 'application/pdf',
      file_size: size,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      sha256_base64: Buffer.from(created.body.sha256, 'hex').toString('base64'),
      phone_number_id: sandbox.phoneNumbers[0]!.id,
      expires_at: Math.floor(fixture.clock.now() / 1000) + 7 * 24 * 3600,
    })
    const node = await graph.get<{ url: string; sha256: string; file_size: number }>(`/${created.body.id}`, {}, token)
    const file = await download(node.body.url, token)
    expect(file.bytes.length).toBe(size)
    expect(sha256Hex(file.bytes)).toBe(created.body.sha256)

    const sent = await graph.post<{ wamid: string }>('/_sandbox/customers/messages', { from: CUSTOMER, media_id: created.body.id })
    expect(sent.status).toBe(200)
    await advance(fixture, 1000)
    const message = endpoint.messages().find((candidate) => candidate.id === sent.body.wamid)!
    expect(message).toMatchObject({
      type: 'document',
      document: { id: created.body.id, mime_type: 'application/pdf', sha256: created.body.sha256_base64, filename: `random-${size}-bytes.pdf` },
    })
  })

  it('sends a new file of media_bytes in one call, and a kind’s sample file by media_id', async () => {
    const fixture = await testSandbox()
    const { graph, token } = fixture
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)
    const sized = await graph.post<{ wamid: string }>('/_sandbox/customers/messages', { from: CUSTOMER, type: 'voice', media_bytes: '4096' }, undefined, { form: true })
    const image = await graph.post<CreatedMedia>('/_sandbox/media', { kind: 'image' })
    const byId = await graph.post<{ wamid: string }>('/_sandbox/customers/messages', { from: CUSTOMER, media_id: image.body.id })
    await advance(fixture, 1000)
    const find = (id: string) => endpoint.messages().find((candidate) => candidate.id === id)!
    const voice = find(sized.body.wamid).audio as { id: string; sha256: string; voice: boolean; mime_type: string }
    expect(voice).toMatchObject({ voice: true, mime_type: 'audio/ogg; codecs=opus' })
    const node = await graph.get<{ url: string; file_size: number }>(`/${voice.id}`, {}, token)
    expect(node.body.file_size).toBe(4096)
    expect(sha256Base64((await download(node.body.url, token)).bytes)).toBe(voice.sha256)
    expect(find(byId.body.wamid)).toMatchObject({ type: 'image', image: { id: image.body.id, mime_type: 'image/png', sha256: image.body.sha256_base64 } })
    const png = await download((await graph.get<{ url: string }>(`/${image.body.id}`, {}, token)).body.url, token)
    expect(checkPng(png.bytes)).toEqual({ width: 64, height: 64 })
  })

  it('refuses unknown kinds, bad sizes, unknown media and media in a message type that carries none', async () => {
    const { graph } = await testSandbox()
    const errorOf = async (path: string, body: Record<string, unknown>) => (await graph.post<GraphErrorResult>(path, body)).body.error
    expect(await errorOf('/_sandbox/media', { kind: 'gif' })).toMatchObject({ code: 100, message: '(#100) Param kind must be one of {image, audio, voice, video, document, sticker} - got "gif".' })
    expect(await errorOf('/_sandbox/media', {})).toMatchObject({ code: 100, message: '(#100) The parameter kind is required' })
    expect((await errorOf('/_sandbox/media', { kind: 'image', bytes: 0 })).message).toMatch(/^\(#100\) Param bytes must be a whole number of bytes/)
    expect((await errorOf('/_sandbox/customers/messages', { media_id: '1111222233334444' })).message).toBe('(#100) The sandbox has no media with ID 1111222233334444 (it may have expired)')
    const image = await graph.post<CreatedMedia>('/_sandbox/media', { kind: 'image' })
    expect((await errorOf('/_sandbox/customers/messages', { media_id: image.body.id, type: 'location' })).message).toMatch(/^\(#100\) Media goes in image, audio/)
    expect((await errorOf('/_sandbox/customers/messages', { type: 'text', media_bytes: 10 })).message).toMatch(/media_bytes needs a type of image/)
  })

  it('is a control: without this run’s key the answer is 403 and nothing is made', async () => {
    const fixture = await testSandbox()
    const response = await fetch(`${fixture.sandbox.url}/_sandbox/media`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'image' }) })
    expect(response.status).toBe(403)
  })

  it('is also in the sandbox’s API: createMedia, then send({ mediaId })', async () => {
    const fixture = await testSandbox()
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)
    const media = await fixture.sandbox.customers.createMedia({ kind: 'sticker' })
    expect(media).toMatchObject({ mimeType: 'image/webp', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown })
    const { wamid } = await fixture.sandbox.customers.send({ from: CUSTOMER, mediaId: media.id })
    await advance(fixture, 1000)
    expect(endpoint.messages().find((message) => message.id === wamid)).toMatchObject({ type: 'sticker', sticker: { id: media.id, animated: false } })
  })
})
