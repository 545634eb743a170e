import { rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { GraphError } from '../graph-error'
import { DOWNLOAD_PATH } from '../media'
import type { SandboxRuntime } from '../runtime'
import { refuseNonLoopback } from './loopback'
import { graphTarget, readGraphRequest, type GraphRequest, type GraphTarget, type UploadFolder } from './request'
import { refusalOf } from './request-guard'

export interface GraphResponse {
  status: number
  body: unknown
}

export type GraphHandler = (request: GraphRequest) => Promise<GraphResponse> | GraphResponse

export interface SandboxHandlers {
  graph: GraphHandler
  /** A media download URL (`/whatsapp_business/attachments/?…`): answers with the file's bytes, not JSON. */
  download(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void>
  uploads: UploadFolder
}

/**
 * The sandbox's HTTP face: 127.0.0.1 only, no browsers, the controls behind this run's key (see
 * request-guard.ts); Graph-shaped JSON answers and errors with an `fbtrace_id`, and media downloads.
 */
export async function startGraphServer(runtime: SandboxRuntime, port: number, controlKey: string, handlers: SandboxHandlers): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => void respond(runtime, controlKey, handlers, req, res))
  refuseNonLoopback(server, (address) => runtime.log.warn('sandbox refused a non-loopback connection', { address }))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  return { server, url: `http://127.0.0.1:${address.port}` }
}

function isDownload(target: GraphTarget): boolean {
  return target.segments.length === DOWNLOAD_PATH.length && DOWNLOAD_PATH.every((segment, index) => target.segments[index] === segment)
}

async function respond(runtime: SandboxRuntime, controlKey: string, handlers: SandboxHandlers, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const trace = runtime.fbtraceId()
  let version = 'v25.0'
  let request: GraphRequest | undefined
  try {
    const target = graphTarget(req)
    version = target.version
    const refusal = refusalOf(req.headers, target, controlKey)
    if (refusal) {
      runtime.log.warn('sandbox refused a request', { reason: refusal.body.message })
      // Refused before the body is read: close rather than read and discard it.
      write(res, refusal.status, { error: { ...refusal.body, fbtrace_id: trace } }, trace, version, { connection: 'close' })
      return
    }
    if (isDownload(target)) return await handlers.download(req, res, target.query)
    request = await readGraphRequest(req, target, handlers.uploads)
    const result = await handlers.graph(request)
    write(res, result.status, result.body, trace, version)
  } catch (error) {
    if (error instanceof GraphError) {
      const headers: Record<string, string> =
        error.status === 401 ? { 'www-authenticate': `OAuth "Facebook Platform" "invalid_token" "${error.body.message.replace(/"/g, "'")}"` } : {}
      write(res, error.status, { error: { ...error.body, fbtrace_id: trace } }, trace, version, headers)
      return
    }
    runtime.log.error('sandbox request failed', { error: error instanceof Error ? error.message : String(error) })
    write(res, 500, { error: { message: 'An unknown error has occurred.', type: 'OAuthException', code: 1, fbtrace_id: trace } }, trace, version)
  } finally {
    // An upload the endpoint did not take in (refused, or sent to another endpoint) is not kept.
    for (const file of request?.files ?? []) rmSync(file.path, { force: true })
  }
}

function write(res: ServerResponse, status: number, body: unknown, trace: string, version: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    'x-fb-trace-id': trace,
    'x-fb-request-id': trace,
    'facebook-api-version': version,
    'cache-control': 'private, no-cache, no-store, must-revalidate',
    ...headers,
  })
  res.end(text)
}
