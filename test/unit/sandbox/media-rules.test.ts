import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { downloadUrl, isAnimatedWebp, maxUploadBytes, mediaIdOfUrl, mediaMismatch } from '../../../src/main/core/sandbox/media'
import { tempDir } from '../../support/core'

const MB = 1024 * 1024

describe('media rules', () => {
  it('lets any uploadable type be as large as a document (100 MB): every file can go out as one', () => {
    expect(maxUploadBytes('image/png')).toBe(100 * MB)
    expect(maxUploadBytes('audio/ogg; codecs=opus')).toBe(100 * MB)
  })

  it('says why media cannot go in a message type: its type, or its size for that type', () => {
    expect(mediaMismatch('image', { mimeType: 'image/png', fileSize: 5 * MB })).toBeNull()
    expect(mediaMismatch('image', { mimeType: 'image/png', fileSize: 5 * MB + 1 })).toBe(`Image file size ${5 * MB + 1} bytes is too big. Max file size we currently support: 5MB. Please choose a different file.`)
    expect(mediaMismatch('video', { mimeType: 'text/html', fileSize: 10 })).toBe('Unsupported Video mime type text/html. Please use one of video/3gpp, video/mp4.')
    expect(mediaMismatch('audio', { mimeType: 'audio/ogg; codecs=opus', fileSize: 10 })).toBeNull()
    expect(mediaMismatch('sticker', { mimeType: 'image/webp', fileSize: 100 * 1024 + 1 })).toMatch(/^Static sticker file size \d+ bytes is too big\. Max file size we currently support: 100KB/)
    expect(mediaMismatch('sticker', { mimeType: 'image/webp', fileSize: 100 * 1024 + 1, animated: true })).toBeNull()
    expect(mediaMismatch('document', { mimeType: 'image/png', fileSize: 100 * MB })).toBeNull()
  })

  it('signs download URLs: an altered id, expiry or hash, or an expired URL, names no media', () => {
    const secret = 'app-secret'
    const url = new URL(downloadUrl('http://127.0.0.1:1', '1234567890123456', 1000, secret))
    expect(mediaIdOfUrl(url.searchParams, 1000, secret)).toBe('1234567890123456')
    expect(mediaIdOfUrl(url.searchParams, 1299, secret)).toBe('1234567890123456')
    expect(mediaIdOfUrl(url.searchParams, 1300, secret)).toBeNull()
    expect(mediaIdOfUrl(url.searchParams, 1000, 'other-secret')).toBeNull()
    for (const [name, value] of [['mid', '1234567890123457'], ['ext', '99999'], ['hash', 'x']]) {
      const altered = new URLSearchParams(url.searchParams)
      altered.set(name!, value!)
      expect(mediaIdOfUrl(altered, 1000, secret)).toBeNull()
    }
  })

  it('tells animated WebP files (VP8X with the animation flag) from static ones', () => {
    const folder = tempDir('switchboard-webp-')
    const vp8x = (flags: number) => Buffer.concat([Buffer.from('RIFF\x16\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00', 'latin1'), Buffer.from([flags, 0, 0, 0, 0, 0, 0, 0, 0, 0])])
    writeFileSync(join(folder, 'animated.webp'), vp8x(0x02))
    writeFileSync(join(folder, 'still.webp'), vp8x(0x10))
    writeFileSync(join(folder, 'short.webp'), Buffer.from('RIFF'))
    expect(isAnimatedWebp(join(folder, 'animated.webp'))).toBe(true)
    expect(isAnimatedWebp(join(folder, 'still.webp'))).toBe(false)
    expect(isAnimatedWebp(join(folder, 'short.webp'))).toBe(false)
  })
})
