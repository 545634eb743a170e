import { createHash } from 'node:crypto'
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserServer, type BrowserServer } from '../../../src/main/bridge'
import { sandboxCore, type SandboxCore } from '../../support/sandbox-core'
import { tempDir } from '../../support/temp'

describe('browser mode serves stored media by ticket', () => {
  let box: SandboxCore
  let server: BrowserServer
  const src: Record<string, string> = {}
  const sha256: Record<string, string> = {}

  beforeAll(async () => {
    box = await sandboxCore()
    server = await startBrowserServer({ port: 0, rendererDir: tempDir(), core: box.core })
    const sandbox = box.core.sandbox.running!
    for (const kind of ['image', 'video', 'document'] as const) {
      const media = await sandbox.customers.createMedia({ kind })
      await sandbox.customers.send({ mediaId: media.id })
      await box.advance(2000)
      src[kind] = (await box.core.call('media.download', { mediaId: media.id })).src!
      sha256[kind] = media.sha256
    }
  })
  afterAll(async () => {
    await server.close()
    await box.core.close()
  })

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${server.port}${path}`, { headers })

  it('as data that runs nothing: inline images and video under a sandbox CSP, never sniffed, same-origin only', async () => {
    const image = await get(src.image!)
    expect(image.status).toBe(200)
    expect(createHash('sha256').update(Buffer.from(await image.arrayBuffer())).digest('hex')).toBe(sha256.image)
    expect(Object.fromEntries(image.headers)).toMatchObject({
      'content-type': 'image/png',
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
    })
    expect(image.headers.get('content-security-policy')).toMatch(/^sandbox;/)
    const saved = await get(`${src.document!}?download`)
    expect(saved.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''invoice.pdf")
    await saved.arrayBuffer()
  })

  it('in byte ranges, so video can seek', async () => {
    const part = await get(src.video!, { range: 'bytes=4-11' })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toMatch(/^bytes 4-11\/\d+$/)
    expect(Buffer.from(await part.arrayBuffer()).toString('latin1')).toBe('ftypisom')
  })

  it('takes uploads only from its own page with this run’s token', async () => {
    const origin = `http://127.0.0.1:${server.port}`
    const post = (headers: Record<string, string>) =>
      fetch(`${origin}/media/upload?kind=document&type=text%2Fplain&filename=note.txt`, { method: 'POST', body: 'hello', headers })
    const withoutToken = await post({ origin })
    expect(withoutToken.status).toBe(403)
    expect(await withoutToken.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect((await post({ origin: 'https://evil.example', 'x-switchboard-token': server.token })).status).toBe(403)
    const taken = await post({ origin, 'x-switchboard-token': server.token })
    expect(taken.status).toBe(200)
    expect(await taken.json()).toMatchObject({ ok: true, value: { kind: 'document', filename: 'note.txt', state: 'stored', size: 5 } })
  })

  it('and nothing for a ticket it did not hand out, or under another Host', async () => {
    expect((await get(`/media/${'A'.repeat(24)}`)).status).toBe(404)
    expect((await get('/media/../../etc/passwd')).status).toBe(404)
    const rebound = await new Promise<number>((resolve, reject) =>
      request({ host: '127.0.0.1', port: server.port, path: src.image, headers: { host: 'evil.example' } }, (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      })
        .on('error', reject)
        .end(),
    )
    expect(rebound).toBe(421)
  })
})
