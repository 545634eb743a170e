import { createHmac } from 'node:crypto'

/** `X-Hub-Signature-256` as Meta computes it, independent of the code under test. */
export function sign(raw: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`
}
