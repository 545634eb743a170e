import { once } from 'node:events'
import { createReadStream } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'
import { mediaIdOfUrl } from '../media'
import type { GraphContext } from './context'

function answer(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-length': '0', 'cache-control': 'no-store', ...headers })
  res.end()
}

function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization
  return header ? /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header)?.[1] : undefined
}

/**
 * `GET <media url>` with `Authorization: Bearer <token>`: the file, streamed from disk, with its
 * type and length. Meta documents only "404 Not Found" for a failed download; the sandbox answers
 * 404 (no body) for a URL that expired or was altered and for media that is gone, and 401 when the
 * token is missing or is not a valid user or system-user token.
 */
export async function serveDownload(context: GraphContext, req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return answer(res, 405, { allow: 'GET, HEAD' })
  const token = bearerToken(req)
  if (!token || context.tokens.check(token).status !== 'valid') return answer(res, 401, { 'www-authenticate': 'Bearer' })
  const mediaId = mediaIdOfUrl(query, context.runtime.nowSeconds(), context.store.state.app.secret)
  const record = mediaId === null ? undefined : context.media.find(mediaId)
  if (!record) return answer(res, 404)

  const file = createReadStream(context.media.pathOf(record))
  try {
    await once(file, 'open')
  } catch {
    return answer(res, 404)
  }
  res.writeHead(200, {
    'content-type': record.mimeType,
    'content-length': String(record.fileSize),
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  })
  if (req.method === 'HEAD') {
    file.destroy()
    res.end()
    return
  }
  try {
    await pipeline(file, res)
  } catch (error) {
    context.runtime.log.debug('sandbox media download ended early', { error: error instanceof Error ? error.message : String(error) })
  }
}
