import type { IncomingMessage } from 'node:http'
import { GraphError, oauthError } from '../graph-error'
import { fileTooLarge } from '../media'
import { multipartBoundary, readMultipart, type UploadedFile } from './multipart'

export interface GraphRequest {
  method: string
  /** Path segments after the version, e.g. `['123', 'messages']`. */
  segments: string[]
  /** `v25.0`; unversioned calls get the sandbox's default. */
  version: string
  /** Query string and body parameters, merged as Graph merges them. */
  params: Record<string, unknown>
  /** From `access_token` or an `Authorization: Bearer|OAuth` header. */
  token: string | undefined
  /** The `file` of a multipart body, in a temporary file the server removes after answering (unless an endpoint took it). */
  files: UploadedFile[]
}

/** Where multipart bodies write their files while they come in. */
export interface UploadFolder {
  temporaryPath(): string
}

/** Where a request goes, known before its body is read. */
export interface GraphTarget {
  segments: string[]
  version: string
  query: URLSearchParams
}

export const DEFAULT_GRAPH_VERSION = 'v25.0'
const MAX_BODY_BYTES = 8 * 1024 * 1024
/** The largest file Meta takes (100 MB) and room for the form around it. */
const MAX_MULTIPART_BYTES = 101 * 1024 * 1024
const VERSION = /^v\d+\.\d+$/

/** The path as Graph reads it: an optional version, then the node and edge segments. */
export function graphTarget(req: IncomingMessage): GraphTarget {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid')
  let segments: string[]
  try {
    segments = url.pathname.split('/').filter((segment) => segment !== '').map(decodeURIComponent)
  } catch {
    throw oauthError(400, 2500, 'Unknown path components: the path is not valid percent-encoding')
  }
  let version = DEFAULT_GRAPH_VERSION
  if (segments[0] && VERSION.test(segments[0])) {
    version = segments[0]
    segments = segments.slice(1)
  }
  return { segments, version, query: url.searchParams }
}

export async function readGraphRequest(req: IncomingMessage, target: GraphTarget, uploads: UploadFolder): Promise<GraphRequest> {
  const { segments, version } = target
  const params: Record<string, unknown> = {}
  for (const [key, value] of target.query) params[key] = value
  const contentType = req.headers['content-type'] ?? ''
  let files: UploadedFile[] = []
  if (/^multipart\/form-data\b/i.test(contentType)) {
    const boundary = multipartBoundary(contentType)
    if (!boundary) throw oauthError(400, 100, '(#100) The request body could not be parsed as multipart/form-data: no boundary')
    const form = await readMultipart(req, boundary, { maxBytes: MAX_MULTIPART_BYTES, fileFields: ['file'], temporaryPath: () => uploads.temporaryPath() })
    if (form.tooLarge) throw fileTooLarge()
    Object.assign(params, form.fields)
    files = form.files
  } else {
    Object.assign(params, parseBody(await readBody(req), contentType))
  }

  const header = req.headers.authorization
  const fromHeader = header ? /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header)?.[1] : undefined
  const token = typeof params.access_token === 'string' && params.access_token !== '' ? params.access_token : fromHeader
  return { method: (req.method ?? 'GET').toUpperCase(), segments, version, params, token, files }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(oauthError(413, 100, '(#100) The request body is too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function parseBody(body: Buffer, contentType: string): Record<string, unknown> {
  if (body.length === 0) return {}
  const text = body.toString('utf8')
  if (contentType.includes('application/json')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      throw new GraphError(400, { message: '(#100) The request body could not be parsed as JSON', type: 'OAuthException', code: 100 })
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new GraphError(400, { message: '(#100) The request body must be a JSON object', type: 'OAuthException', code: 100 })
    }
    return parsed as Record<string, unknown>
  }
  if (contentType.includes('application/x-www-form-urlencoded') || contentType === '') {
    return Object.fromEntries(new URLSearchParams(text))
  }
  throw new GraphError(400, { message: `(#100) Unsupported content type: ${contentType.split(';')[0] ?? contentType}`, type: 'OAuthException', code: 100 })
}
