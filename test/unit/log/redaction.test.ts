import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createLogger, mask, Redactor } from '../../../src/main/core'
import { redactQueryValues } from '../../../src/main/core/log'
import { tempDir } from '../../support/temp'

/** The characters of `secret` that `mask` lets through. */
const shown = (masked: string) => masked.replace(/[…•]/g, '')

describe('a masked secret', () => {
  it('shows at most four of its characters, and at most a quarter of it', () => {
    for (let length = 1; length <= 300; length++) {
      const secret = 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(10).slice(0, length)
      const visible = shown(mask(secret))
      expect(visible.length).toBeLessThanOrEqual(4)
      expect(visible.length).toBeLessThanOrEqual(length / 4)
    }
  })

  it('stays recognisable: the start and the end of a token', () => {
    expect(mask(`EAAG${'m'.repeat(150)}x9Qz`)).toBe('EA…Qz')
    expect(mask('my-verify-token')).toBe('••••')
  })
})

describe('the redactor', () => {
  it('masks a registered secret however short it is', () => {
    const redactor = new Redactor()
    for (const secret of ['k', 'ab', 'tok', 'hello']) redactor.add(secret)
    const line = redactor.redact('verify token hello; pin tok; ab|k')
    expect(line).toBe('verify ••••en ••••; pin ••••; ••••|••••')
  })

  it('masks a long secret whole even when a shorter one is part of it', () => {
    const long = `s3cr3t-${'q'.repeat(30)}-tail`
    const redactor = new Redactor()
    redactor.add('q-tail')
    redactor.add(long)
    const line = redactor.redact(`secret=${long}`)
    expect(line).toBe(`secret=${mask(long)}`)
    expect(line).not.toContain('q'.repeat(8))
  })

  it('masks the values of secret query parameters however their names are percent-encoded', () => {
    const redactor = new Redactor()
    for (const target of [
      '/webhook?hub.mode=subscribe&hub%2Everify_token=SECRETVALUE&hub.challenge=1',
      '/webhook?%68%75%62%2e%76%65%72%69%66%79%5f%74%6f%6b%65%6e=SECRETVALUE',
      'GET https://graph.facebook.com/v25.0/me?%61ccess_token=SECRETVALUE',
      'client%5Fsecret not a query; /x?client%5Fsecret=SECRETVALUE',
    ]) {
      expect(redactor.redact(target)).not.toContain('SECRETVALUE')
    }
  })
})

describe('redacting a URL’s query values', () => {
  it('redacts a parameter in every spelling the listener reads as that name, and keeps the rest byte for byte', () => {
    expect(redactQueryValues('/webhook?hub.mode=subscribe&hub%2Everify_token=s3cret&hub.challenge=42', ['hub.verify_token'])).toBe(
      '/webhook?hub.mode=subscribe&hub%2Everify_token=[redacted]&hub.challenge=42',
    )
    expect(redactQueryValues('/webhook?hub.verify_token=a%20b&hub.verify_token=c#frag', ['hub.verify_token'])).toBe('/webhook?hub.verify_token=[redacted]&hub.verify_token=[redacted]#frag')
    expect(redactQueryValues('/webhook', ['hub.verify_token'])).toBe('/webhook')
    expect(redactQueryValues('/webhook?hub.verify_tokens=x&hub.verify_token', ['hub.verify_token'])).toBe('/webhook?hub.verify_tokens=x&hub.verify_token')
  })

  it('leaves no value the listener would take for the verify token, whatever the encoding', () => {
    const name = 'hub.verify_token'
    const spelling = fc.array(fc.constantFrom('plain', 'lower', 'upper'), { minLength: name.length, maxLength: name.length }).map((choices) =>
      [...name]
        .map((character, index) => {
          const hex = character.charCodeAt(0).toString(16)
          return choices[index] === 'plain' ? character : `%${choices[index] === 'upper' ? hex.toUpperCase() : hex}`
        })
        .join(''),
    )
    fc.assert(
      fc.property(spelling, fc.stringMatching(/^[A-Za-z0-9%._~-]{1,40}$/), (key, value) => {
        const target = `/webhook?hub.mode=subscribe&${key}=${value}&hub.challenge=1`
        const stored = redactQueryValues(target, [name])
        expect(new URL(stored, 'http://x').searchParams.getAll(name)).toEqual(['[redacted]'])
        expect(new URL(stored, 'http://x').searchParams.get('hub.challenge')).toBe('1')
      }),
    )
  })
})

describe('the log file', () => {
  it('holds no secret, also when the secret has characters JSON escapes', () => {
    const dir = tempDir()
    const redactor = new Redactor()
    const secrets = ['pa"ss\\word-with-quote-and-backslash', 'short"\\', 'x\ny']
    for (const secret of secrets) redactor.add(secret)
    const log = createLogger({ redactor, dir })
    log.warn(`refused ${secrets[0]!}`, { secret: secrets[1], nested: { list: [secrets[2]], [secrets[0]!]: 'as a key' } })
    const text = readFileSync(join(dir, 'switchboard.log'), 'utf8')
    const record = JSON.parse(text) as Record<string, unknown>
    expect(record.message).toBe(`refused ${mask(secrets[0]!)}`)
    for (const secret of secrets) {
      expect(text).not.toContain(secret)
      expect(text).not.toContain(JSON.stringify(secret).slice(1, -1))
    }
  })
})
