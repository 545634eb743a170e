import { createHash } from 'node:crypto'

/** One part of a multipart/form-data body. */
export interface FormPart {
  name: string
  value: Buffer | string
  filename?: string
  contentType?: string
}

const BOUNDARY = 'sandbox-test-boundary-7MA4YWxkTrZu0gW'

/** A multipart/form-data body written out by hand, as curl `-F` sends one. */
export function formBody(parts: FormPart[]): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = []
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`
    const headers = [`Content-Disposition: ${disposition}`, ...(part.contentType ? [`Content-Type: ${part.contentType}`] : [])]
    chunks.push(Buffer.from(`--${BOUNDARY}\r\n${headers.join('\r\n')}\r\n\r\n`), Buffer.from(part.value), Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`))
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${BOUNDARY}` }
}

export interface HttpResult<T> {
  status: number
  body: T
  headers: Headers
}

/** `POST /{phone-number-id}/media` with a file, as Meta's docs show it: messaging_product, file (with its type), optional type. */
export async function uploadMedia<T = Record<string, unknown>>(
  baseUrl: string,
  phoneNumberId: string,
  token: string,
  file: { bytes: Buffer; contentType?: string; filename?: string },
  extra: FormPart[] = [{ name: 'messaging_product', value: 'whatsapp' }],
): Promise<HttpResult<T>> {
  const form = formBody([...extra, { name: 'file', value: file.bytes, filename: file.filename ?? 'upload.bin', ...(file.contentType ? { contentType: file.contentType } : {}) }])
  const response = await fetch(`${baseUrl}/v25.0/${phoneNumberId}/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': form.contentType },
    body: form.body,
  })
  return { status: response.status, body: (await response.json()) as T, headers: response.headers }
}

/** The same upload, with a file of `size` bytes streamed from a generator (a body never held in memory). */
export async function uploadStreamed(baseUrl: string, phoneNumberId: string, token: string, size: number, contentType: string): Promise<HttpResult<Record<string, unknown>>> {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="messaging_product"\r\n\r\nwhatsapp\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: ${contentType}\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`)
  const chunk = Buffer.alloc(1024 * 1024, 0x61)
  function* body() {
    yield head
    for (let left = size; left > 0; left -= chunk.length) yield left >= chunk.length ? chunk : chunk.subarray(0, left)
    yield tail
  }
  const response = await fetch(`${baseUrl}/v25.0/${phoneNumberId}/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': String(head.length + size + tail.length) },
    body: ReadableStream.from(body()),
    duplex: 'half',
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers }
}

export interface Download {
  status: number
  headers: Headers
  bytes: Buffer
}

/** `GET <media url>` with the token in the Authorization header, as Meta's docs say. */
export async function download(url: string, token?: string): Promise<Download> {
  const response = await fetch(url, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } })
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) }
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export function sha256Base64(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64')
}
