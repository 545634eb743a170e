import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { GraphErrorResult } from './helpers/graph-client'
import { download, sha256Base64, sha256Hex, uploadMedia, uploadStreamed } from './helpers/media-client'
import { checkMp3, checkMp4, checkOggOpus, checkPdf, checkPng, checkWebpLossless } from './helpers/media-files'
import { advance, closeAfterEach, receiver, subscribeApp, testSandbox, type SandboxFixture } from './helpers/sandbox-fixture'
import type { InboundItem } from './helpers/webhook-receiver'

closeAfterEach()

const CUSTOMER = '15550104477'
const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

interface MediaNode {
  messaging_product: string
  url: string
  mime_type: string
  sha256: string
  file_size: number
  id: string
}

/** A tiny but real PNG (1×1, 8-bit RGB), built by hand for uploads. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc0000003010100c9fe92ef0000000049454e44ae426082', 'hex')

function unsupported(method: 'get' | 'delete', id: string): Record<string, unknown> {
  return {
    message: `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    type: 'GraphMethodException',
    code: 100,
    error_subcode: 33,
    fbtrace_id: expect.any(String) as unknown,
  }
}

async function upload(fixture: SandboxFixture, bytes = PNG, contentType = 'image/png'): Promise<string> {
  const result = await uploadMedia<{ id: string }>(fixture.sandbox.url, fixture.sandbox.phoneNumbers[0]!.id, fixture.token, { bytes, contentType, filename: 'photo.png' })
  expect(result.status, JSON.stringify(result.body)).toBe(200)
  return result.body.id
}

/** The messages' media objects by kind, after a customer sent one of each. */
async function customerMedia(fixture: SandboxFixture, kinds: readonly ('image' | 'voice' | 'audio' | 'document' | 'sticker' | 'video')[]) {
  const endpoint = await receiver()
  await subscribeApp(fixture, endpoint)
  for (const type of kinds) await fixture.sandbox.customers.send({ from: CUSTOMER, type })
  await advance(fixture, 1000)
  await endpoint.waitFor((r) => r.messages().length >= kinds.length)
  return endpoint.messages().map((message: InboundItem) => message[message.type] as { id: string; mime_type: string; sha256: string; voice?: boolean; filename?: string; animated?: boolean })
}

describe('media: upload, retrieve, download, delete', () => {
  it('round-trips an upload: GET /{media-id} gives a 5-minute URL, type, hex SHA-256 and size; the URL gives the bytes', async () => {
    const fixture = await testSandbox()
    const { sandbox, graph, token } = fixture
    const id = await upload(fixture)
    expect(id).toMatch(/^\d{16}$/)

    const node = await graph.get<MediaNode>(`/${id}`, {}, token)
    expect(node.status).toBe(200)
    expect(Object.keys(node.body)).toEqual(['messaging_product', 'url', 'mime_type', 'sha256', 'file_size', 'id'])
    expect(node.body).toEqual({ messaging_product: 'whatsapp', url: expect.any(String) as unknown, mime_type: 'image/png', sha256: sha256Hex(PNG), file_size: PNG.length, id })
    const url = new URL(node.body.url)
    expect(`${url.origin}${url.pathname}`).toBe(`${sandbox.url}/whatsapp_business/attachments/`)
    expect([...url.searchParams.keys()]).toEqual(['mid', 'ext', 'hash'])
    expect(url.searchParams.get('mid')).toBe(id)
    expect(Number(url.searchParams.get('ext'))).toBe(Math.floor(fixture.clock.now() / 1000) + 300)

    const file = await download(node.body.url, token)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('image/png')
    expect(file.headers.get('content-length')).toBe(String(PNG.length))
    expect(file.bytes.equals(PNG)).toBe(true)

    // `phone_number_id` restricts the call to media of that number.
    expect((await graph.get(`/${id}`, { phone_number_id: sandbox.phoneNumbers[0]!.id }, token)).status).toBe(200)
    const other = await graph.get<GraphErrorResult>(`/${id}`, { phone_number_id: sandbox.phoneNumbers[1]!.id }, token)
    expect(other.status).toBe(400)
    expect(other.body.error).toEqual(unsupported('get', id))
  })

  it('reads a state file written before the sandbox held media', async () => {
    const first = await testSandbox()
    await first.sandbox.close()
    const file = join(first.dataDir, 'sandbox', 'state.json')
    const { media, ...older } = JSON.parse(readFileSync(file, 'utf8')) as { media: unknown[] }
    expect(media).toEqual([])
    writeFileSync(file, JSON.stringify(older))
    const second = await testSandbox({ dataDir: first.dataDir, clock: first.clock })
    const id = await upload(second)
    expect((await second.graph.get(`/${id}`, {}, second.token)).status).toBe(200)
  })

  it('keeps media files 0600 in a 0700 folder, and their records across a restart', async () => {
    const first = await testSandbox()
    const id = await upload(first)
    const folder = join(first.dataDir, 'sandbox', 'media')
    expect(statSync(folder).mode & 0o777).toBe(0o700)
    expect(readdirSync(folder)).toEqual([id])
    expect(statSync(join(folder, id)).mode & 0o777).toBe(0o600)
    await first.sandbox.close()

    const second = await testSandbox({ dataDir: first.dataDir, clock: first.clock })
    const node = await second.graph.get<MediaNode>(`/${id}`, {}, second.token)
    expect(node.body.sha256).toBe(sha256Hex(PNG))
    expect((await download(node.body.url, second.token)).bytes.equals(PNG)).toBe(true)
  })

  it('answers 401 without a valid token and 404 for an altered or expired URL (valid 5 minutes)', async () => {
    const fixture = await testSandbox()
    const { graph, token, sandbox } = fixture
    const id = await upload(fixture)
    const { url } = (await graph.get<MediaNode>(`/${id}`, {}, token)).body

    expect((await download(url)).status).toBe(401)
    expect((await download(url, 'EAAGnotatoken0123456789')).status).toBe(401)
    expect((await download(url, `${sandbox.app.id}|${sandbox.app.secret}`)).status).toBe(401)
    const revoked = sandbox.issueToken('system_user_never').token
    sandbox.revokeToken(revoked)
    expect((await download(url, revoked)).status).toBe(401)

    const altered = new URL(url)
    altered.searchParams.set('hash', `${altered.searchParams.get('hash')!.slice(0, -2)}AA`)
    const tampered = await download(altered.toString(), token)
    expect(tampered.status).toBe(404)
    expect(tampered.bytes.length).toBe(0)
    const longer = new URL(url)
    longer.searchParams.set('ext', String(Number(longer.searchParams.get('ext')) + 3600))
    expect((await download(longer.toString(), token)).status).toBe(404)

    fixture.clock.advance(5 * MINUTE - 1000)
    expect((await download(url, token)).status).toBe(200)
    fixture.clock.advance(1000)
    expect((await download(url, token)).status).toBe(404)
    // A new GET gives a new URL.
    const fresh = (await graph.get<MediaNode>(`/${id}`, {}, token)).body.url
    expect((await download(fresh, token)).bytes.equals(PNG)).toBe(true)
  })

  it('needs appsecret_proof like every Graph call when Require App Secret is on', async () => {
    const fixture = await testSandbox()
    const id = await upload(fixture)
    fixture.sandbox.setRequireAppSecret(true)
    const refused = await fixture.graph.get<GraphErrorResult>(`/${id}`, {}, fixture.token)
    expect(refused.body.error).toMatchObject({ code: 100, message: 'API calls from the server require an appsecret_proof argument' })
    const upload2 = await uploadMedia<GraphErrorResult>(fixture.sandbox.url, fixture.sandbox.phoneNumbers[0]!.id, fixture.token, { bytes: PNG, contentType: 'image/png' })
    expect(upload2.body.error.message).toBe('API calls from the server require an appsecret_proof argument')
  })

  it('deletes media: {success:true}, then GET and DELETE answer 100/33', async () => {
    const fixture = await testSandbox()
    const { graph, token } = fixture
    const id = await upload(fixture)
    const deleted = await graph.delete(`/${id}`, {}, token)
    expect(deleted.status).toBe(200)
    expect(deleted.body).toEqual({ success: true })
    const gone = await graph.get<GraphErrorResult>(`/${id}`, {}, token)
    expect(gone.status).toBe(400)
    expect(gone.body.error).toEqual(unsupported('get', id))
    const again = await graph.delete<GraphErrorResult>(`/${id}`, {}, token)
    expect(again.body.error).toEqual(unsupported('delete', id))
    expect(readdirSync(join(fixture.dataDir, 'sandbox', 'media'))).toEqual([])
    expect((await graph.get<GraphErrorResult>('/1234567890123456', {}, token)).body.error).toEqual(unsupported('get', '1234567890123456'))
  })

  it('keeps uploads 30 days and customers’ media 7 days (sandbox clock)', async () => {
    const fixture = await testSandbox()
    const { graph, token } = fixture
    const uploaded = await upload(fixture)
    const [received] = await customerMedia(fixture, ['image'])
    expect((await graph.get(`/${received!.id}`, {}, token)).status).toBe(200)

    fixture.clock.advance(7 * DAY - 2000)
    expect((await graph.get(`/${received!.id}`, {}, token)).status).toBe(200)
    fixture.clock.advance(1000)
    expect((await graph.get<GraphErrorResult>(`/${received!.id}`, {}, token)).body.error).toEqual(unsupported('get', received!.id))
    expect((await graph.get(`/${uploaded}`, {}, token)).status).toBe(200)

    fixture.clock.advance(23 * DAY)
    expect((await graph.get<GraphErrorResult>(`/${uploaded}`, {}, token)).body.error).toEqual(unsupported('get', uploaded))
    expect(readdirSync(join(fixture.dataDir, 'sandbox', 'media'))).toEqual([])
  })

  it('refuses a type Meta does not take, with Meta’s message, and a file too large for any message type', async () => {
    const fixture = await testSandbox()
    const { sandbox, token } = fixture
    const phone = sandbox.phoneNumbers[0]!.id
    const html = await uploadMedia<GraphErrorResult>(sandbox.url, phone, token, { bytes: Buffer.from('<html></html>'), contentType: 'text/html', filename: 'page.html' })
    expect(html.status).toBe(400)
    expect(html.body).toEqual({
      error: {
        message:
          "(#100) Param file must be a file with one of the following types: audio/aac, audio/mp4, audio/mpeg, audio/amr, audio/ogg, audio/opus, application/vnd.ms-powerpoint, application/msword, application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/vnd.openxmlformats-officedocument.presentationml.presentation, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/pdf, text/plain, application/vnd.ms-excel, image/jpeg, image/png, image/webp, video/mp4, video/3gpp. Received file of type 'text/html'.",
        type: 'OAuthException',
        code: 100,
        fbtrace_id: expect.any(String) as unknown,
      },
    })
    // Without a type of its own, the file is judged by `type`.
    const declared = await uploadMedia<{ id: string }>(sandbox.url, phone, token, { bytes: PNG }, [
      { name: 'messaging_product', value: 'whatsapp' },
      { name: 'type', value: 'image/png' },
    ])
    expect(declared.status).toBe(200)
    const missing = await uploadMedia<GraphErrorResult>(sandbox.url, phone, token, { bytes: PNG, contentType: 'image/png' }, [])
    expect(missing.body.error.message).toBe('(#100) The parameter messaging_product is required')

    const huge = await uploadStreamed(sandbox.url, phone, token, 100 * 1024 * 1024 + 1, 'application/pdf')
    expect(huge.status).toBe(400)
    expect(huge.body).toEqual({ error: { message: '(#100) Invalid parameter: File Too Large', type: 'OAuthException', code: 100, fbtrace_id: expect.any(String) as unknown } })
    // Nothing of the refused uploads stays on disk.
    expect(readdirSync(join(fixture.dataDir, 'sandbox', 'media'))).toEqual([declared.body.id])
  })
})

describe('media in messages', () => {
  it('fails a send by an id the number never uploaded, or of a type or size its message type does not take, with 131053', async () => {
    const fixture = await testSandbox()
    const { sandbox, graph, token } = fixture
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)
    await sandbox.customers.send({ from: CUSTOMER })
    const phone = sandbox.phoneNumbers[0]!.id
    const bigPng = Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)])
    const big = await upload(fixture, bigPng)
    const pdf = await upload(fixture, Buffer.from('%PDF-1.4\n%%EOF\n'), 'application/pdf')
    const send = async (type: string, media: Record<string, unknown>) =>
      (await graph.post<{ messages: { id: string }[] }>(`/${phone}/messages`, { messaging_product: 'whatsapp', to: CUSTOMER, type, [type]: media }, token)).body.messages[0]!.id

    const unknown = await send('image', { id: '9999999999999999' })
    const tooBig = await send('image', { id: big })
    const wrongType = await send('video', { id: pdf })
    const asDocument = await send('document', { id: big, filename: 'big.png' })
    await advance(fixture, 120_000)
    const failure = (id: string) => endpoint.statuses().find((status) => status.id === id && status.status === 'failed')?.errors?.[0]
    expect(failure(unknown)).toMatchObject({ code: 131053, title: 'Media upload error', message: 'Media upload error', error_data: { details: expect.stringContaining('9999999999999999') as unknown } })
    expect(failure(tooBig)).toMatchObject({ code: 131053, error_data: { details: expect.stringMatching(/^Image file size \d+ bytes is too big\. Max file size we currently support: 5MB/) as unknown } })
    expect(failure(wrongType)).toMatchObject({ code: 131053, error_data: { details: 'Unsupported Video mime type application/pdf. Please use one of video/3gpp, video/mp4.' } })
    expect(failure(asDocument)).toBeUndefined()
    expect(endpoint.statuses().filter((status) => status.id === asDocument).map((status) => status.status)).toEqual(['sent', 'delivered', 'read'])
  })

  it('sends real files from customers: each webhook media id downloads, its hashes match, and the bytes are valid files', async () => {
    const fixture = await testSandbox()
    const { graph, token } = fixture
    const media = await customerMedia(fixture, ['image', 'voice', 'audio', 'document', 'sticker', 'video'])
    const files = new Map<string, Buffer>()
    for (const item of media) {
      const node = await graph.get<MediaNode>(`/${item.id}`, {}, token)
      expect(node.body.mime_type).toBe(item.mime_type)
      const file = await download(node.body.url, token)
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toBe(item.mime_type)
      expect(sha256Base64(file.bytes)).toBe(item.sha256)
      expect(sha256Hex(file.bytes)).toBe(node.body.sha256)
      expect(file.bytes.length).toBe(node.body.file_size)
      files.set(item.mime_type, file.bytes)
    }
    // Webhooks arrive in any order; each kind has its own type.
    const byType = new Map(media.map((item) => [item.mime_type, item]))
    expect([...byType.keys()].sort()).toEqual(['application/pdf', 'audio/mpeg', 'audio/ogg; codecs=opus', 'image/png', 'image/webp', 'video/mp4'])
    expect(byType.get('audio/ogg; codecs=opus')).toMatchObject({ voice: true })
    expect(byType.get('audio/mpeg')).toMatchObject({ voice: false })
    expect(byType.get('application/pdf')).toMatchObject({ filename: 'invoice.pdf' })
    expect(byType.get('image/webp')).toMatchObject({ animated: false })

    expect(checkPng(files.get('image/png')!)).toEqual({ width: 64, height: 64 })
    const note = checkOggOpus(files.get('audio/ogg; codecs=opus')!)
    expect(note.channels).toBe(1)
    expect(note.seconds).toBeGreaterThanOrEqual(1)
    expect(note.seconds).toBeLessThanOrEqual(2)
    expect(checkMp3(files.get('audio/mpeg')!).frames).toBeGreaterThan(30)
    expect(checkPdf(files.get('application/pdf')!).text).toMatch(/^Invoice \d+/)
    expect(checkWebpLossless(files.get('image/webp')!)).toEqual({ width: 64, height: 64 })
    expect(checkMp4(files.get('video/mp4')!)).toEqual({ width: 32, height: 32, frames: 8, seconds: 2 })
  })

  it('gives every customer file its own content', async () => {
    const fixture = await testSandbox()
    const media = await customerMedia(fixture, ['image', 'image', 'voice', 'voice'])
    expect(new Set(media.map((item) => item.sha256)).size).toBe(4)
  })
})
