import { createHmac, timingSafeEqual } from 'node:crypto'

/** Meta's media URLs are valid for 5 minutes. */
export const DOWNLOAD_URL_LIFETIME_SECONDS = 5 * 60
/** Where the sandbox serves downloads, after Meta's `lookaside.fbsbx.com/whatsapp_business/attachments/`. */
export const DOWNLOAD_PATH = ['whatsapp_business', 'attachments']

function hashOf(mediaId: string, expiresAt: string, secret: string): string {
  return createHmac('sha256', secret).update(`sandbox-media-url:${mediaId}:${expiresAt}`).digest('base64url')
}

/** `<base>/whatsapp_business/attachments/?mid=…&ext=…&hash=…`: the media id, the expiry (epoch seconds) and a signature over both. */
export function downloadUrl(baseUrl: string, mediaId: string, nowSeconds: number, secret: string): string {
  const expiresAt = String(nowSeconds + DOWNLOAD_URL_LIFETIME_SECONDS)
  const query = new URLSearchParams({ mid: mediaId, ext: expiresAt, hash: hashOf(mediaId, expiresAt, secret) })
  return `${baseUrl}/${DOWNLOAD_PATH.join('/')}/?${query.toString()}`
}

/** The media id a download URL names, or null when it was altered or has expired. */
export function mediaIdOfUrl(query: URLSearchParams, nowSeconds: number, secret: string): string | null {
  const mediaId = query.get('mid')
  const expiresAt = query.get('ext')
  const hash = query.get('hash')
  if (!mediaId || !expiresAt || !hash || !/^\d+$/.test(expiresAt)) return null
  const expected = Buffer.from(hashOf(mediaId, expiresAt, secret))
  const given = Buffer.from(hash)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  return Number(expiresAt) > nowSeconds ? mediaId : null
}
