import { createReadStream } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import type { MediaReply } from './media-reply'

const bodyOf = (reply: MediaReply) => (reply.path && reply.range ? createReadStream(reply.path, reply.range) : null)

/** Answers on a Node response (browser mode), streaming the file. */
export function writeMediaReply(response: ServerResponse, reply: MediaReply, headOnly: boolean): void {
  response.writeHead(reply.status, reply.headers)
  const body = headOnly ? null : bodyOf(reply)
  if (!body) {
    response.end(reply.status === 404 ? 'Not found' : undefined)
    return
  }
  body.on('error', () => response.destroy())
  body.pipe(response)
}

/** The same answer as a fetch `Response` (Electron's protocol handler), streaming the file. */
export function mediaResponse(reply: MediaReply): Response {
  const body = bodyOf(reply)
  return new Response(body ? (Readable.toWeb(body) as ReadableStream<Uint8Array>) : reply.status === 404 ? 'Not found' : null, {
    status: reply.status,
    headers: reply.headers,
  })
}
