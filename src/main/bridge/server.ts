import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { contentSecurityPolicy } from '@shared/csp'
import type { Dispatch, EventSource, Logger, MediaFile } from '../core'
import { isMediaPath, mediaReply, ticketOfMediaPath, writeMediaReply } from '../media'
import { cacheHeader, contentType, resolveRendererFile, securityHeaders } from '../static'
import { allowedHosts, createSessionToken } from './access'
import { attachWsBridge } from './ws-bridge'

export interface BrowserServerOptions {
  port: number
  rendererDir: string
  dispatch: Dispatch
  events: EventSource
  log: Logger
  /** The stored media file a `/media/<ticket>` path names (from `media.get`), or null. */
  openMedia: (ticket: string) => MediaFile | null
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
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end()
      return
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const pathname = url.pathname
    if (isMediaPath(pathname)) {
      const ticket = ticketOfMediaPath(pathname)
      const reply = mediaReply(ticket ? options.openMedia(ticket) : null, { range: request.headers.range ?? null, download: url.searchParams.has('download') })
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

  const closeBridge = attachWsBridge({
    server,
    port: () => port,
    token,
    dispatch: options.dispatch,
    events: options.events,
    log: options.log,
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
