import { describe, expect, it } from 'vitest'
import { appSecretProof, createGraphClient, DEFAULT_GRAPH_VERSION, validateVersion } from '../../../src/main/core/graph'
import { buildTarget, buildUrl } from '../../../src/main/core/graph/graph-url'
import { validateBaseUrl } from '../../../src/main/core/graph/options'
import { redactBody } from '../../../src/main/core/graph/exchange'
import { ManualClock, Redactor, silentLogger } from '../../../src/main/core'

describe('Graph client setup', () => {
  it('defaults to v25.0 and accepts only vNN.N versions', () => {
    expect(DEFAULT_GRAPH_VERSION).toBe('v25.0')
    expect(validateVersion('v23.0')).toBe('v23.0')
    for (const bad of ['25.0', 'v25', 'V25.0', 'v25.0/', 'v25.0.1', '', 'latest']) expect(() => validateVersion(bad)).toThrow(/must look like v25.0/)
  })

  it('accepts https anywhere, plain http only on this machine, and no version in the base URL', () => {
    expect(validateBaseUrl('https://graph.facebook.com/')).toEqual({ origin: 'https://graph.facebook.com', path: '' })
    expect(validateBaseUrl('http://127.0.0.1:4000/sandbox/')).toEqual({ origin: 'http://127.0.0.1:4000', path: '/sandbox' })
    expect(() => validateBaseUrl('http://graph.facebook.com')).toThrow(/must use https/)
    expect(() => validateBaseUrl('https://graph.facebook.com/v25.0')).toThrow(/without the version/)
    expect(() => validateBaseUrl('https://graph.facebook.com/?access_token=x')).toThrow(/query/)
    expect(() => validateBaseUrl('ftp://graph.facebook.com')).toThrow(/http\(s\)/)
    expect(() => validateBaseUrl('not a url')).toThrow(/not a URL/)
  })

  it('refuses bad options when the client is created', () => {
    const base = { log: silentLogger, redactor: new Redactor(), clock: new ManualClock() }
    expect(() => createGraphClient({ ...base, baseUrl: 'https://graph.facebook.com', version: '25' })).toThrow(/v25.0/)
    expect(() => createGraphClient({ ...base, baseUrl: 'https://graph.facebook.com', timeoutMs: 0 })).toThrow(/timeoutMs/)
    expect(() => createGraphClient({ ...base, baseUrl: 'https://graph.facebook.com', retry: { attempts: 0 } })).toThrow(/attempts/)
  })

  it('builds versioned URLs and refuses paths that escape the Graph root', () => {
    const root = { origin: 'https://graph.facebook.com', path: '' }
    expect(buildUrl(root, 'v25.0', '/123/messages', { fields: ['a', 'b'], skip: null }).href).toBe('https://graph.facebook.com/v25.0/123/messages?fields=a%2Cb')
    expect(buildUrl({ ...root, path: '/x' }, 'v25.0', 'me', undefined).href).toBe('https://graph.facebook.com/x/v25.0/me')
    for (const bad of ['', '/', '../me', 'a/%2e%2e/b', 'me?x=1', 'me#x', 'a b', 'v25.0/me']) expect(() => buildUrl(root, 'v25.0', bad, undefined)).toThrow()
    expect(() => buildUrl(root, 'v25.0', 'https://graph.facebook.com.evil.example/v25.0/me', undefined)).toThrow(/Refusing/)
  })

  it('sends exactly the path and query the URL would carry, with or without building one', () => {
    const root = { origin: 'https://graph.facebook.com', path: '/sandbox' }
    const cases: [string, Record<string, string | string[] | null>][] = [
      ['123/messages', {}],
      ['123/message_templates', { fields: ['name', 'status'], limit: '50', after: 'QVFIUk1x=+/ab c&d' }],
      ['1234/media', { phone_number_id: '1 2', messaging_product: 'whatsapp' }],
      ['oauth/access_token', { grant_type: 'fb_exchange_token', fb_exchange_token: "EAA'(x)*!~" }],
      ['dé/ébène', { q: 'ünïcode' }],
      ['https://graph.facebook.com/sandbox/v25.0/123/message_templates?after=abc', { limit: '5' }],
    ]
    // What the WHATWG URL makes of the same path and query, built independently.
    const reference = (path: string, query: Record<string, string | string[] | null>) => {
      const url = path.startsWith('https://') ? new URL(path) : new URL(`${root.path}/v25.0/${path}`, root.origin)
      for (const [name, value] of Object.entries(query)) if (value !== null) url.searchParams.set(name, Array.isArray(value) ? value.join(',') : value)
      return url
    }
    for (const [path, query] of cases) {
      const target = buildTarget(root, 'v25.0', path, query)
      const expected = reference(path, query)
      expect(target.pathAndQuery, path).toBe(`${expected.pathname}${expected.search}`)
      expect(target.url().href, path).toBe(expected.href)
    }
  })

  it('computes appsecret_proof as hex HMAC-SHA256 keyed with the app secret', () => {
    // RFC-style vector: HMAC-SHA256(key = "key", "The quick brown fox jumps over the lazy dog").
    expect(appSecretProof('The quick brown fox jumps over the lazy dog', 'key')).toBe('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8')
  })

  it('redacts secret fields in JSON and form bodies and registered values anywhere', () => {
    const redactor = new Redactor()
    redactor.add('registered-secret-value')
    expect(redactBody('{"access_token":"abc","nested":[{"client_secret":"s","keep":"registered-secret-value"}]}', 'application/json', redactor)).toBe(
      '{"access_token":"[redacted]","nested":[{"client_secret":"[redacted]","keep":"re…ue"}]}',
    )
    expect(redactBody('a=1&fb_exchange_token=zzz', 'application/x-www-form-urlencoded', redactor)).toBe('a=1&fb_exchange_token=[redacted]')
    expect(redactBody(null, null, redactor)).toBeNull()
    expect(redactBody('x'.repeat(70_000), 'text/plain', redactor)).toMatch(/more characters\]$/)
  })
})
