import { describe, expect, it } from 'vitest'
import { downloadName, mediaReply } from '../../../src/main/media'

const file = (mimeType: string | null, filename: string | null = null, size = 1000) => ({ path: '/x', mimeType, size, filename, kind: 'document' as const })

describe('answering /media/<ticket>', () => {
  it('shows images, audio, video and PDFs inline, with nothing allowed to run but the PDF viewer', () => {
    const image = mediaReply(file('image/png'), { range: null, download: false })
    expect(image).toMatchObject({ status: 200, range: { start: 0, end: 999 } })
    expect(image.headers).toMatchObject({
      'content-type': 'image/png',
      'content-length': '1000',
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
    })
    expect(image.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/)
    expect(mediaReply(file('audio/ogg; codecs=opus'), { range: null, download: false }).headers['content-type']).toBe('audio/ogg; codecs=opus')
    const pdf = mediaReply(file('application/pdf', 'invoice.pdf'), { range: null, download: false })
    expect(pdf.headers['content-disposition']).toBe("inline; filename*=UTF-8''invoice.pdf")
    expect(pdf.headers['content-security-policy']).toBeUndefined()
  })

  it('makes every other type, and any file asked for with ?download, a download that is never sniffed', () => {
    for (const type of ['text/html', 'image/svg+xml', 'application/msword', null]) {
      const reply = mediaReply(file(type, 'page.html'), { range: null, download: false })
      expect(reply.headers['content-type']).toBe('application/octet-stream')
      expect(reply.headers['content-disposition']).toBe("attachment; filename*=UTF-8''page.html")
    }
    expect(mediaReply(file('image/png'), { range: null, download: true }).headers['content-disposition']).toMatch(/^attachment/)
  })

  it('honours one byte range, so audio and video can seek, and refuses one past the end', () => {
    expect(mediaReply(file('video/mp4'), { range: 'bytes=100-199', download: false })).toMatchObject({
      status: 206,
      range: { start: 100, end: 199 },
      headers: { 'content-range': 'bytes 100-199/1000', 'content-length': '100' },
    })
    expect(mediaReply(file('video/mp4'), { range: 'bytes=900-', download: false }).range).toEqual({ start: 900, end: 999 })
    expect(mediaReply(file('video/mp4'), { range: 'bytes=-10', download: false }).range).toEqual({ start: 990, end: 999 })
    expect(mediaReply(file('video/mp4'), { range: 'bytes=1000-', download: false })).toMatchObject({ status: 416, headers: { 'content-range': 'bytes */1000' } })
    expect(mediaReply(file('video/mp4'), { range: 'bytes=0-1,5-6', download: false }).status).toBe(200)
  })

  it('answers 404 for a ticket that names nothing stored', () => {
    expect(mediaReply(null, { range: null, download: false })).toMatchObject({ status: 404, headers: { 'cache-control': 'no-store' } })
  })
})

describe('the name of a saved media file', () => {
  it('is the customer’s filename without any folder or control characters, else the kind with an extension', () => {
    expect(downloadName({ filename: '../../etc/passwd', mimeType: 'text/plain', kind: 'document' })).toBe('passwd')
    expect(downloadName({ filename: 'C:\\Users\\x\\invoice\u0007.pdf', mimeType: 'application/pdf', kind: 'document' })).toBe('invoice.pdf')
    expect(downloadName({ filename: null, mimeType: 'image/jpeg', kind: 'image' })).toBe('image.jpg')
    expect(downloadName({ filename: '..', mimeType: 'audio/ogg; codecs=opus', kind: 'audio' })).toBe('audio.ogg')
    expect(downloadName({ filename: null, mimeType: null, kind: 'sticker' })).toBe('sticker')
  })
})
