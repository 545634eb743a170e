import { createHmac, timingSafeEqual } from 'node:crypto'

export type SignatureCheck = 'valid' | 'invalid' | 'missing'

/**
 * Meta signs the raw body: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(body, app secret)>`.
 * Compared in constant time; anything malformed is simply invalid.
 */
export function checkSignature(rawBody: Buffer, header: string | undefined, appSecret: string): SignatureCheck {
  if (header === undefined || header === '') return 'missing'
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim())
  if (!match) return 'invalid'
  const expected = createHmac('sha256', appSecret).update(rawBody).digest()
  const given = Buffer.from(match[1]!, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'valid' : 'invalid'
}

export function signBody(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`
}
