import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fail, UPLOAD_PATH, UPLOAD_TOKEN_HEADER } from '@shared/contract'
import { contentSecurityPolicy } from '@shared/csp'
import type { Core } from '../core'
import { isMediaPath, mediaReply, receiveUpload, ticketOfMediaPath, writeMediaReply } from '../media'
import { cacheHeader, contentType, resolveRendererFile, securityHeaders } from '../static'
import { allowedHosts, allowedOrigins, createSessionToken, tokensEqual } from './access'
import { attachWsBridge } from './ws-bridge'

/** What browser mode serves of the core: the contract and its events over the socket, media over HTTP. */
export type ServedCore = Pick<Core, 'dispatch' | 'events' | 'log' | 'openMedia' | 'uploadMedia'>

export interface BrowserServerOptions {
  port: number
  rendererDir: string
  core: ServedCore
  /** Fixed token for tests; normally a fresh one per run. */
  token?: string
}

export interface BrowserServer {
  readonly port: number
  readonly token: string
  /** The URL to open: the token rides in the fragment, which browsers never send to the server. */
  readonly url: string
  close(): Promise<void>
}

/** Browser mode: the built renderer and the WebSocket API on 127.0.0.1 only. */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const { core } = options
  const token = options.token ?? createSessionToken()
  const csp = contentSecurityPolicy()
  let port = options.port

  const server = createServer((request, response) => {
    void serveFile(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  })

  const serveFile = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!allowedHosts(port).has(request.headers.host ?? '')) {
      response.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request')
      return
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const pathname = url.pathname
    if (request.method === 'POST' && pathname === UPLOAD_PATH) {
      await upload(request, response, url)
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end()
      return
    }
    if (isMediaPath(pathname)) {
      const ticket = ticketOfMediaPath(pathname)
      const reply = mediaReply(ticket ? core.openMedia(ticket) : null, { range: request.headers.range ?? null, download: url.searchParams.has('download') })
      writeMediaReply(response, reply, request.method === 'HEAD')
      return
    }
    const file = resolveRendererFile(options.rendererDir, pathname)
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
      return
    }
    const body = await readFile(file)
    response.writeHead(200, {
      'content-type': contentType(file),
      'content-length': body.length,
      'cache-control': cacheHeader(file),
      ...securityHeaders(csp),
    })
    response.end(request.method === 'HEAD' ? undefined : body)
  }

  /** A file from the window to send: only from our own page, with this run's session token. */
  const upload = async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    const answer = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body))
    if (!allowedOrigins(port).has(request.headers.origin ?? '') || !tokensEqual(token, headerValue(request.headers[UPLOAD_TOKEN_HEADER]))) {
      request.resume()
      answer(403, fail({ code: 'forbidden', message: 'Uploads are taken only from this Switchboard window' }))
      return
    }
    const result = await receiveUpload(url, request, core.uploadMedia)
    answer(result.status, result.body)
  }

  const headerValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

  const closeBridge = attachWsBridge({
    server,
    port: () => port,
    token,
    dispatch: core.dispatch,
    events: core.events,
    log: core.log,
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  port = (server.address() as AddressInfo).port

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    async close() {
      await closeBridge()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
