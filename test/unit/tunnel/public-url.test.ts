import { describe, expect, it } from 'vitest'
import { parsePublicUrl, webhookUrlOf } from '../../../src/main/core/tunnel'

const production = { allowHttpLoopback: false }

describe('the public URL of a manual tunnel', () => {
  it('keeps the base and appends /webhook, whether or not the user typed it', () => {
    expect(parsePublicUrl('https://hooks.example.com', production)).toBe('https://hooks.example.com')
    expect(parsePublicUrl('https://hooks.example.com/webhook', production)).toBe('https://hooks.example.com')
    expect(parsePublicUrl('https://example.com/wa/', production)).toBe('https://example.com/wa')
    expect(webhookUrlOf('https://example.com/wa')).toBe('https://example.com/wa/webhook')
  })

  it('accepts https only in production', () => {
    expect(() => parsePublicUrl('http://hooks.example.com', production)).toThrow(/only to https/)
    expect(() => parsePublicUrl('http://127.0.0.1:4871', production)).toThrow(/only to https/)
    expect(() => parsePublicUrl('ftp://example.com', production)).toThrow(/must be https/)
  })

  it('accepts a loopback http URL only when allowed, and never a remote one', () => {
    expect(parsePublicUrl('http://127.0.0.1:4871/webhook', { allowHttpLoopback: true })).toBe('http://127.0.0.1:4871')
    expect(() => parsePublicUrl('http://example.com', { allowHttpLoopback: true })).toThrow(/only to https/)
  })

  it('refuses credentials, queries and fragments', () => {
    expect(() => parsePublicUrl('https://user:pw@example.com', production)).toThrow(/user name or password/)
    expect(() => parsePublicUrl('https://example.com/?a=1', production)).toThrow(/query/)
    expect(() => parsePublicUrl('not a url', production)).toThrow(/Not a URL/)
  })
})
