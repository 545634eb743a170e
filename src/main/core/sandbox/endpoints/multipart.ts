import { createHash, type Hash } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream, rmSync, type WriteStream } from 'node:fs'
import { oauthError, type GraphError } from '../graph-error'

/** A file part of a multipart body, already on disk under a temporary name. */
export interface UploadedFile {
  /** The form field it came in (`file` for media uploads). */
  field: string
  filename: string | null
  /** The part's own `Content-Type`, as sent; null when it had none. */
  contentType: string | null
  path: string
  size: number
  /** Lowercase hex SHA-256 of the file. */
  sha256: string
}

export interface MultipartBody {
  fields: Record<string, string>
  files: UploadedFile[]
  /** The body passed `maxBytes`: what came after was read and dropped. */
  tooLarge: boolean
}

export interface MultipartOptions {
  maxBytes: number
  /** Only these fields are written to disk; other file parts are read and dropped. */
  fileFields: readonly string[]
  temporaryPath(): string
}

const MAX_HEADER_BYTES = 16 * 1024
const MAX_FIELD_BYTES = 64 * 1024

export function multipartBoundary(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType)
  return match ? (match[1] ?? match[2] ?? null) : null
}

function malformed(): GraphError {
  return oauthError(400, 100, '(#100) The request body could not be parsed as multipart/form-data')
}

/** `name` and `filename` of a `Content-Disposition: form-data; name="…"; filename="…"` header. */
function disposition(value: string): { name: string | null; filename: string | null } {
  const parameters: Record<string, string> = {}
  for (const match of value.matchAll(/;\s*([A-Za-z*]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g)) {
    const key = (match[1] ?? '').toLowerCase()
    parameters[key] = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? '')
  }
  return { name: parameters.name ?? null, filename: parameters.filename ?? null }
}

interface Part {
  field: string
  filename: string | null
  contentType: string | null
  sink: { kind: 'field'; chunks: Buffer[]; size: number } | { kind: 'file'; path: string; out: WriteStream; hash: Hash; size: number } | { kind: 'drop' }
}

/**
 * Reads a multipart/form-data body as it streams in: text fields into memory (small), the named
 * file fields straight to temporary files, hashed on the way, so a 100 MB upload never sits in
 * memory. Past `maxBytes` nothing more is kept, but the body is still read to its end so that the
 * client gets an answer rather than a reset connection.
 */
export async function readMultipart(source: AsyncIterable<Buffer> | Iterable<Buffer>, boundary: string, options: MultipartOptions): Promise<MultipartBody> {
  const delimiter = Buffer.from(`\r\n--${boundary}`)
  const body: MultipartBody = { fields: {}, files: [], tooLarge: false }
  const written: string[] = []
  // The first boundary has no line break before it; pretending it does makes every delimiter alike.
  let buffer: Buffer = Buffer.from('\r\n')
  let state = 'preamble' as 'preamble' | 'after-delimiter' | 'headers' | 'part' | 'done'
  let part: Part | undefined
  let total = 0

  const emit = async (data: Buffer) => {
    if (!part || data.length === 0) return
    const sink = part.sink
    if (sink.kind === 'field') {
      sink.size += data.length
      if (sink.size > MAX_FIELD_BYTES) throw oauthError(400, 100, `(#100) The form field ${part.field} is too long`)
      sink.chunks.push(data)
    } else if (sink.kind === 'file') {
      sink.size += data.length
      sink.hash.update(data)
      if (!sink.out.write(data)) await once(sink.out, 'drain')
    }
  }

  const startPart = (headers: string) => {
    const lines = headers.split('\r\n')
    const header = (name: string) => lines.find((line) => line.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim() ?? null
    const { name, filename } = disposition(header('content-disposition') ?? '')
    if (name === null) throw malformed()
    const contentType = header('content-type')
    const isFile = options.fileFields.includes(name) && !body.files.some((file) => file.field === name)
    if (isFile) {
      const path = options.temporaryPath()
      written.push(path)
      part = { field: name, filename, contentType, sink: { kind: 'file', path, out: createWriteStream(path, { flags: 'wx', mode: 0o600 }), hash: createHash('sha256'), size: 0 } }
    } else if (filename === null && !options.fileFields.includes(name)) {
      part = { field: name, filename, contentType, sink: { kind: 'field', chunks: [], size: 0 } }
    } else {
      part = { field: name, filename, contentType, sink: { kind: 'drop' } }
    }
  }

  const endPart = async () => {
    if (!part) return
    const { sink } = part
    if (sink.kind === 'field') body.fields[part.field] = Buffer.concat(sink.chunks).toString('utf8')
    if (sink.kind === 'file') {
      sink.out.end()
      await once(sink.out, 'close')
      body.files.push({ field: part.field, filename: part.filename, contentType: part.contentType, path: sink.path, size: sink.size, sha256: sink.hash.digest('hex') })
    }
    part = undefined
  }

  /** Consumes as much of `buffer` as can be understood now; the rest waits for more bytes. */
  const advance = async () => {
    for (;;) {
      if (state === 'preamble' || state === 'part') {
        const at = buffer.indexOf(delimiter)
        if (at === -1) {
          // Keep a tail that could be the start of a delimiter split across chunks.
          const safe = Math.max(0, buffer.length - (delimiter.length - 1))
          if (state === 'part') await emit(buffer.subarray(0, safe))
          buffer = buffer.subarray(safe)
          return
        }
        if (state === 'part') {
          await emit(buffer.subarray(0, at))
          await endPart()
        }
        buffer = buffer.subarray(at + delimiter.length)
        state = 'after-delimiter'
      } else if (state === 'after-delimiter') {
        if (buffer.length < 2) return
        if (buffer[0] === 0x2d && buffer[1] === 0x2d) {
          state = 'done'
          return
        }
        state = 'headers'
      } else if (state === 'headers') {
        // The line break after the delimiter, header lines, then an empty line.
        const end = buffer.indexOf('\r\n\r\n')
        if (end === -1) {
          if (buffer.length > MAX_HEADER_BYTES) throw malformed()
          return
        }
        const block = buffer.subarray(0, end).toString('latin1')
        if (!/^[ \t]*\r\n/.test(`${block}\r\n`)) throw malformed()
        startPart(block.replace(/^[ \t]*\r\n/, ''))
        buffer = buffer.subarray(end + 4)
        state = 'part'
      } else {
        buffer = Buffer.alloc(0)
        return
      }
    }
  }

  const discard = () => {
    if (part?.sink.kind === 'file') part.sink.out.destroy()
    for (const path of written) rmSync(path, { force: true })
  }

  try {
    for await (const chunk of source) {
      total += chunk.length
      if (total > options.maxBytes) body.tooLarge = true
      if (body.tooLarge || state === 'done') continue
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk])
      await advance()
    }
  } catch (error) {
    discard()
    throw error
  }
  if (body.tooLarge) {
    discard()
    return { fields: {}, files: [], tooLarge: true }
  }
  if (state !== 'done') {
    discard()
    throw malformed()
  }
  return body
}
