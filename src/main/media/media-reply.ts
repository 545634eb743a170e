import type { MediaFile } from '../core'

/**
 * How a stored media file is answered at `/media/<ticket>`, by the Electron protocol and by the
 * browser-mode server alike. What a customer sent is data, never a page: images, audio, video and
 * PDFs are shown inline under a CSP that runs nothing; every other type is a download; the type
 * is never sniffed; only our own origin may embed it. One byte range is honoured (audio and video
 * seek with it).
 */
export interface MediaReply {
  status: 200 | 206 | 404 | 416
  headers: Record<string, string>
  /** The bytes to send, inclusive; absent for an empty answer. */
  range?: { start: number; end: number }
  path?: string
}

const INLINE_TYPES = /^(image\/(png|jpeg|webp|gif)|audio\/(aac|amr|mpeg|mp4|ogg)|video\/(mp4|3gpp)|application\/pdf)(;.*)?$/i

const baseHeaders = {
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'cache-control': 'private, max-age=3600',
}

export function mediaReply(file: MediaFile | null, request: { range: string | null; download: boolean }): MediaReply {
  if (!file) return { status: 404, headers: { ...baseHeaders, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } }
  const type = file.mimeType ?? 'application/octet-stream'
  const inline = !request.download && INLINE_TYPES.test(type)
  const headers: Record<string, string> = {
    ...baseHeaders,
    'content-type': inline ? type : 'application/octet-stream',
    'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(downloadName(file))}`,
    'accept-ranges': 'bytes',
    // A PDF needs the browser's viewer; everything else shows with nothing allowed to run.
    ...(/^application\/pdf/i.test(type) ? {} : { 'content-security-policy': "sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'" }),
  }
  const range = parseRange(request.range, file.size)
  if (range === 'unsatisfiable') return { status: 416, headers: { ...headers, 'content-range': `bytes */${file.size}` } }
  if (range) {
    return {
      status: 206,
      headers: { ...headers, 'content-range': `bytes ${range.start}-${range.end}/${file.size}`, 'content-length': String(range.end - range.start + 1) },
      range,
      path: file.path,
    }
  }
  return { status: 200, headers: { ...headers, 'content-length': String(file.size) }, ...(file.size > 0 ? { range: { start: 0, end: file.size - 1 } } : {}), path: file.path }
}

/** One `bytes=` range (`a-b`, `a-`, `-n`); several ranges, or none, answer the whole file. */
function parseRange(header: string | null, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null
  if (!match || (match[1] === '' && match[2] === '')) return null
  let start: number
  let end: number
  if (match[1] === '') {
    const suffix = Number(match[2])
    if (suffix === 0) return 'unsatisfiable'
    start = Math.max(0, size - suffix)
    end = size - 1
  } else {
    start = Number(match[1])
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)
  }
  if (start >= size || start > end) return 'unsatisfiable'
  return { start, end }
}

const extensions: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'audio/amr': 'amr',
  'video/mp4': 'mp4',
  'video/3gpp': '3gp',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
}

/** The name a saved file gets: the customer's filename without any path, else the kind and an extension. */
export function downloadName(file: Pick<MediaFile, 'filename' | 'mimeType' | 'kind'>): string {
  // eslint-disable-next-line no-control-regex -- control characters never reach a file name
  const given = file.filename?.split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, '').trim()
  if (given && given !== '.' && given !== '..') return given.slice(0, 200)
  const extension = extensions[(file.mimeType ?? '').split(';')[0]!.trim().toLowerCase()]
  return extension ? `${file.kind}.${extension}` : file.kind
}
