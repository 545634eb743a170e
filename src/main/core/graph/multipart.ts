import { randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'

/** A file sent as `multipart/form-data`, streamed: the bytes are never held in memory. */
export interface MultipartUpload {
  /** Plain fields sent before the file (`messaging_product`, `type` …). */
  fields: Readonly<Record<string, string>>
  file: {
    field: string
    filename: string
    contentType: string
    /** Exact length in bytes: the request announces its whole length, as Meta expects. */
    size: number
    stream: Readable
  }
}

export interface MultipartBody {
  contentType: string
  length: number
  stream: Readable
  /** What an exchange record shows instead of the bytes. */
  shown: string
}

const quote = (value: string) => value.replace(/[\r\n"\\]/g, (c) => (c === '"' ? '%22' : c === '\\' ? '\\\\' : ''))

export function multipartBody(upload: MultipartUpload): MultipartBody {
  const boundary = `----switchboard${randomBytes(12).toString('hex')}`
  const fieldParts = Object.entries(upload.fields).map(
    ([name, value]) => `--${boundary}\r\ncontent-disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`,
  )
  const { file } = upload
  const head = Buffer.from(
    `${fieldParts.join('')}--${boundary}\r\ncontent-disposition: form-data; name="${quote(file.field)}"; filename="${quote(file.filename)}"\r\ncontent-type: ${file.contentType}\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  async function* parts(): AsyncGenerator<Buffer> {
    yield head
    let sent = 0
    for await (const chunk of file.stream as AsyncIterable<Buffer>) {
      sent += chunk.length
      if (sent > file.size) throw new Error(`the file grew while it was being sent (more than ${file.size} bytes)`)
      yield chunk
    }
    if (sent !== file.size) throw new Error(`the file is ${sent} bytes, not the ${file.size} announced`)
    yield tail
  }
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length: head.length + file.size + tail.length,
    stream: Readable.from(parts(), { objectMode: false }),
    shown: `multipart/form-data: ${Object.entries(upload.fields)
      .map(([name, value]) => `${name}=${value}`)
      .join(', ')}, ${file.field}=${file.filename} (${file.contentType}, ${file.size} bytes)`,
  }
}
