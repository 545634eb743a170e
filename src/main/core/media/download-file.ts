import { createWriteStream, rmSync } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import type { Dispatcher } from 'undici'
import { byteMeter, PROGRESS_EVERY_MS } from './byte-meter'

export interface DownloadRequest {
  url: string
  /** Sent as `Authorization: Bearer` to the URL's own origin only, never along a redirect elsewhere. */
  token: string
  userAgent: string
  /** A file larger than this is refused (before reading, when the length is announced). */
  maxBytes: number
  onProgress: (received: number, total: number | null) => void
  signal?: AbortSignal
}

export interface DownloadedFile {
  /** SHA-256 of the bytes written, hex. */
  digest: string
  size: number
  /** The content type the server answered with. */
  contentType: string | null
}

/** The server answered, but not with the file: 401, 404 … (Meta answers 404 for an expired URL). */
export class DownloadRefused extends Error {
  constructor(readonly status: number) {
    super(`the media server answered HTTP ${status}`)
    this.name = 'DownloadRefused'
  }
}

export class DownloadTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the file is larger than ${limit} bytes`)
    this.name = 'DownloadTooLarge'
  }
}

const MAX_REDIRECTS = 3
const TIMEOUT_MS = 30_000

/**
 * Streams a URL into `path` (a new 0600 file), hashing as it goes: memory stays flat whatever the
 * size. On any failure the partial file is removed.
 */
export async function downloadFile(dispatcher: Dispatcher, request: DownloadRequest, path: string): Promise<DownloadedFile> {
  try {
    return await fetchInto(dispatcher, request, path)
  } catch (error) {
    rmSync(path, { force: true })
    throw error
  }
}

async function fetchInto(dispatcher: Dispatcher, request: DownloadRequest, path: string): Promise<DownloadedFile> {
  const origin = new URL(request.url).origin
  let url = request.url
  for (let hop = 0; ; hop++) {
    const target = new URL(url)
    const answer = await dispatcher.request({
      origin: target.origin,
      path: target.pathname + target.search,
      method: 'GET',
      headers: {
        'user-agent': request.userAgent,
        ...(target.origin === origin ? { authorization: `Bearer ${request.token}` } : {}),
      },
      headersTimeout: TIMEOUT_MS,
      bodyTimeout: TIMEOUT_MS,
      ...(request.signal ? { signal: request.signal } : {}),
    })
    const location = header(answer.headers.location)
    if (answer.statusCode >= 300 && answer.statusCode < 400 && location && hop < MAX_REDIRECTS) {
      await answer.body.dump()
      const next = new URL(location, url)
      if (next.protocol !== 'https:' && next.origin !== origin) throw new DownloadRefused(answer.statusCode)
      url = next.href
      continue
    }
    if (answer.statusCode !== 200) {
      await answer.body.dump()
      throw new DownloadRefused(answer.statusCode)
    }
    const length = Number(header(answer.headers['content-length']))
    const total = Number.isSafeInteger(length) && length >= 0 ? length : null
    if (total !== null && total > request.maxBytes) {
      answer.body.destroy()
      throw new DownloadTooLarge(request.maxBytes)
    }
    let reportedAt = 0
    const meter = byteMeter(request.maxBytes, () => new DownloadTooLarge(request.maxBytes), (received) => {
      const now = Date.now()
      if (now - reportedAt < PROGRESS_EVERY_MS) return
      reportedAt = now
      request.onProgress(received, total)
    })
    await pipeline(answer.body, meter.stream, createWriteStream(path, { flags: 'wx', mode: 0o600 }))
    request.onProgress(meter.bytes(), total)
    return { digest: meter.digest(), size: meter.bytes(), contentType: header(answer.headers['content-type']) }
  }
}

function header(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null
}
