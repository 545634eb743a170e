import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { multipartBoundary, readMultipart } from '../../../src/main/core/sandbox/endpoints/multipart'
import { tempDir } from '../../support/core'

const BOUNDARY = '----sandbox-boundary'
const FILE = Buffer.concat([Buffer.from('\r\n--not-the-boundary\r\n'), Buffer.from([0, 1, 2, 255]), Buffer.from(`\r\n--${BOUNDARY.slice(0, -3)}`)])
const BODY = Buffer.concat([
  Buffer.from(`preamble to ignore\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="messaging_product"\r\n\r\nwhatsapp\r\n`),
  Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="type"\r\n\r\nimage/png\r\n`),
  Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a \\"quoted\\" name.png"\r\nContent-Type: image/png\r\n\r\n`),
  FILE,
  Buffer.from(`\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="other"; filename="ignored.bin"\r\n\r\nxyz\r\n--${BOUNDARY}--\r\nepilogue`),
])

function* chunked(body: Buffer, size: number): Generator<Buffer> {
  for (let at = 0; at < body.length; at += size) yield body.subarray(at, at + size)
}

describe('multipart/form-data reading', () => {
  it('finds the boundary in the content type, quoted or not', () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY)
    expect(multipartBoundary('multipart/form-data; boundary="a b"; charset=utf-8')).toBe('a b')
    expect(multipartBoundary('multipart/form-data')).toBeNull()
  })

  it('reads fields and writes the file part to disk, however the body is split into chunks', async () => {
    for (const size of [1, 2, 3, 7, 19, 64, BODY.length]) {
      const folder = tempDir('switchboard-multipart-')
      let next = 0
      const form = await readMultipart(chunked(BODY, size), BOUNDARY, { maxBytes: 1 << 20, fileFields: ['file'], temporaryPath: () => join(folder, `part-${next++}`) })
      expect(form.tooLarge).toBe(false)
      expect(form.fields).toEqual({ messaging_product: 'whatsapp', type: 'image/png' })
      expect(form.files).toHaveLength(1)
      const [file] = form.files
      expect(file).toMatchObject({ field: 'file', filename: 'a "quoted" name.png', contentType: 'image/png', size: FILE.length, sha256: createHash('sha256').update(FILE).digest('hex') })
      expect(readFileSync(file!.path).equals(FILE)).toBe(true)
      expect(readdirSync(folder)).toEqual(['part-0'])
    }
  })

  it('reads a body past maxBytes to its end, keeps nothing, and says it was too large', async () => {
    const folder = tempDir('switchboard-multipart-')
    const form = await readMultipart(chunked(BODY, 16), BOUNDARY, { maxBytes: 200, fileFields: ['file'], temporaryPath: () => join(folder, 'part') })
    expect(form).toEqual({ fields: {}, files: [], tooLarge: true })
    expect(readdirSync(folder)).toEqual([])
  })

  it('refuses a body that ends before its closing boundary, and removes what it wrote', async () => {
    const folder = tempDir('switchboard-multipart-')
    const cut = BODY.subarray(0, BODY.indexOf(FILE) + 3)
    await expect(readMultipart(chunked(cut, 8), BOUNDARY, { maxBytes: 1 << 20, fileFields: ['file'], temporaryPath: () => join(folder, 'part') })).rejects.toMatchObject({
      body: { code: 100, message: '(#100) The request body could not be parsed as multipart/form-data' },
    })
    expect(readdirSync(folder)).toEqual([])
  })
})
