import { readFile } from 'node:fs/promises'
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import type { Protocol } from 'electron'
import { UPLOAD_PATH } from '@shared/contract'
import { contentSecurityPolicy } from '@shared/csp'
import { isLoopbackHostname, type Core } from './core'
import { isMediaPath, mediaReply, mediaResponse, receiveUpload, ticketOfMediaPath } from './media'
import { cacheHeader, contentType, resolveRendererFile, securityHeaders } from './static'

export const APP_SCHEME = 'app'
export const APP_HOST = 'switchboard'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** Must run before `app.whenReady()`: the renderer is served from a standard, secure custom scheme. */
export function appSchemePrivileges() {
  // `stream`: media play and uploads stream through the handler instead of being buffered whole.
  return [{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]
}

/**
 * Serves `out/renderer` as `app://switchboard/…` with the CSP and security headers on every
 * response, and stored media at `app://switchboard/media/<ticket>`.
 */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string, core: Pick<Core, 'openMedia' | 'uploadMedia'>): void {
  const csp = contentSecurityPolicy()
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host === APP_HOST && request.method === 'POST' && url.pathname === UPLOAD_PATH) {
      const answer = await receiveUpload(url, request.body ? Readable.fromWeb(request.body as WebReadableStream<Uint8Array>) : Readable.from([]), core.uploadMedia)
      return Response.json(answer.body, { status: answer.status, headers: { 'cache-control': 'no-store' } })
    }
    if (url.host === APP_HOST && isMediaPath(url.pathname) && request.method === 'GET') {
      const ticket = ticketOfMediaPath(url.pathname)
      return mediaResponse(mediaReply(ticket ? core.openMedia(ticket) : null, { range: request.headers.get('range'), download: url.searchParams.has('download') }))
    }
    const file = url.host === APP_HOST ? resolveRendererFile(rendererDir, url.pathname) : null
    if (!file || request.method !== 'GET') return new Response('Not found', { status: 404 })
    return new Response(await readFile(file), {
      headers: { 'content-type': contentType(file), 'cache-control': cacheHeader(file), ...securityHeaders(csp) },
    })
  })
}

/**
 * The renderer's dev server (`electron-vite dev` sets `ELECTRON_RENDERER_URL`), whose page then gets
 * the whole API. A packaged app never takes it from its environment: anyone who can set a variable
 * for the user's session could otherwise point the window at a page of theirs. In development it
 * must be http(s) on this machine.
 */
export function rendererDevServer(env: NodeJS.ProcessEnv, isPackaged: boolean): string | undefined {
  const value = env.ELECTRON_RENDERER_URL
  if (isPackaged || value === undefined || value === '') return undefined
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !isLoopbackHostname(url.hostname)) {
    throw new Error(`ELECTRON_RENDERER_URL must be the dev server on this machine (http://localhost:<port>), not "${value}"`)
  }
  return value
}

export function isAppOrigin(url: string, devServer: string | undefined): boolean {
  try {
    const parsed = new URL(url)
    // Custom schemes have an opaque origin in WHATWG URL, so compare scheme and host instead.
    if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST
    return devServer !== undefined && parsed.origin === new URL(devServer).origin
  } catch {
    return false
  }
}
