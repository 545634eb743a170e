import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { digestHex } from '../../../src/main/core/media'

describe('the SHA-256 Meta states for a media file', () => {
  const bytes = Buffer.from('a photo of a broken kettle')
  const hex = createHash('sha256').update(bytes).digest('hex')

  it('reads the webhook’s base64 and Graph’s hex as the same digest', () => {
    expect(digestHex(createHash('sha256').update(bytes).digest('base64'))).toBe(hex)
    expect(digestHex(hex.toUpperCase())).toBe(hex)
    expect(digestHex(createHash('sha256').update(bytes).digest('base64url'))).toBe(hex)
  })

  it('reads a placeholder or a damaged value as nothing to check against', () => {
    expect(digestHex('IMAGE_HASH')).toBeNull()
    expect(digestHex('4654+8g=')).toBeNull()
    expect(digestHex('')).toBeNull()
    expect(digestHex(null)).toBeNull()
    expect(digestHex(hex.slice(2))).toBeNull()
  })
})
