import { describe, expect, it } from 'vitest'
import { printable, terminalJson } from '../../../src/main/command-line/terminal-text'

describe('text for the terminal', () => {
  it('shows escape sequences, bell, C1 controls and bidi overrides instead of sending them', () => {
    expect(printable('a\u001b[31mred\u0007\u009bX\u202eb')).toBe('a\\u001b[31mred\\u0007\\u009bX\\u202eb')
    expect(printable('two\n  lines\tand tabs')).toBe('two lines and tabs')
    expect(printable('Grüße 🙏')).toBe('Grüße 🙏')
  })

  it('keeps JSON the same data while no raw control character is printed', () => {
    const value = { text: 'x\u001by\u009bz\u202e' }
    const printed = terminalJson(value)
    // eslint-disable-next-line no-control-regex -- no raw control character may be printed
    expect(printed).not.toMatch(/[\u001b\u009b\u202e]/)
    expect(JSON.parse(printed)).toEqual(value)
  })
})
