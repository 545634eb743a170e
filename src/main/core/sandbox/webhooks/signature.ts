import { createHmac } from 'node:crypto'

/** Meta signs the raw body with the app secret: SHA-256 in `X-Hub-Signature-256`, and SHA-1 in the legacy header. */
export function signatureHeaders(body: Buffer, appSecret: string): Record<string, string> {
  return {
    'x-hub-signature-256': `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`,
    'x-hub-signature': `sha1=${createHmac('sha1', appSecret).update(body).digest('hex')}`,
  }
}
