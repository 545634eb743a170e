import { describe, expect, it } from 'vitest'
import { metaJson } from '../../../src/main/core/sandbox/webhooks'

describe("Meta's escaped webhook JSON", () => {
  it('escapes every non-ASCII character as lowercase \\uXXXX per UTF-16 unit, and / as \\/', () => {
    // Meta's own example: the string äöå is sent as \u00e4\u00f6\u00e5.
    expect(metaJson({ text: 'äöå' })).toBe('{"text":"\\u00e4\\u00f6\\u00e5"}')
    expect(metaJson({ text: 'Thanks 🙏' })).toBe('{"text":"Thanks \\ud83d\\ude4f"}')
    expect(metaJson({ mime_type: 'image/jpeg' })).toBe('{"mime_type":"image\\/jpeg"}')
    expect(metaJson({ text: 'plain ASCII, "quoted"\n' })).toBe(JSON.stringify({ text: 'plain ASCII, "quoted"\n' }))
  })

  it('writes only ASCII bytes that parse back to the same value', () => {
    const value = { name: 'Diego Hernández', emoji: '❤️🎉', path: 'a/b', nested: [{ olá: 'sábado' }] }
    const text = metaJson(value)
    expect(Buffer.from(text, 'utf8').every((byte) => byte < 0x80)).toBe(true)
    expect(JSON.parse(text)).toEqual(value)
  })
})
