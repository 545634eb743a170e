import { describe, expect, it } from 'vitest'
import { EventHub, ManualClock, Redactor, silentLogger, type CoreContext } from '../../../src/main/core'
import { appHandlers } from '../../../src/main/core/app'
import type { ProfileService } from '../../../src/main/core/profiles'
import { rendererDevServer } from '../../../src/main/protocol'
import { graphBaseUrlFrom } from '../../../src/main/core'

describe('the renderer dev server', () => {
  it('is never taken from the environment by a packaged app', () => {
    for (const url of ['http://localhost:5173', 'https://attacker.example/switchboard', 'file:///tmp/page.html']) {
      expect(rendererDevServer({ ELECTRON_RENDERER_URL: url }, true)).toBeUndefined()
    }
  })

  it('is the dev server on this machine while developing, and nothing else', () => {
    expect(rendererDevServer({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, false)).toBe('http://localhost:5173/')
    expect(rendererDevServer({ ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173' }, false)).toBe('http://127.0.0.1:5173')
    expect(rendererDevServer({}, false)).toBeUndefined()
    for (const url of ['https://attacker.example', 'http://192.168.1.20:5173', 'file:///tmp/page.html', 'not a url']) {
      expect(() => rendererDevServer({ ELECTRON_RENDERER_URL: url }, false)).toThrow(/^ELECTRON_RENDERER_URL must be the dev server on this machine/)
    }
  })
})

describe('the Graph base URL', () => {
  it("is Meta's unless set", () => {
    expect(graphBaseUrlFrom({})).toBe('https://graph.facebook.com')
    expect(graphBaseUrlFrom({ SWITCHBOARD_GRAPH_BASE_URL: '' })).toBe('https://graph.facebook.com')
  })

  it('may be any https URL, or http on this machine', () => {
    for (const url of ['https://graph-proxy.internal.example', 'http://127.0.0.1:4000', 'http://localhost:4000/graph', 'http://[::1]:4000']) {
      expect(graphBaseUrlFrom({ SWITCHBOARD_GRAPH_BASE_URL: url })).toBe(url)
    }
  })

  it('refuses, in one line, a base URL that would carry tokens unencrypted off the machine', () => {
    const cases: [string, RegExp][] = [
      ['http://graph.example.com', /"http:\/\/graph\.example\.com" is neither https nor http on this machine/],
      ['http://10.0.0.5:8080', /"http:\/\/10\.0\.0\.5:8080" is neither https/],
      ['http://localhost.attacker.example', /neither https nor http on this machine/],
      ['ftp://graph.example.com', /neither https/],
      ['graph.facebook.com', /"graph\.facebook\.com" is not a URL/],
      ['https://user:pass@graph.example.com', /user name or password/],
    ]
    for (const [url, reason] of cases) {
      let message = ''
      try {
        graphBaseUrlFrom({ SWITCHBOARD_GRAPH_BASE_URL: url })
      } catch (error) {
        message = (error as Error).message
      }
      expect(message).toMatch(/^SWITCHBOARD_GRAPH_BASE_URL is refused: /)
      expect(message).toMatch(reason)
      expect(message).not.toContain('\n')
    }
  })

  it('is shown to the UI when it is not Meta’s', async () => {
    const info = (graphBaseUrl: string) => {
      const ctx = { config: { graphBaseUrl, version: '1', shell: 'browser', dataDir: '/d' }, clock: new ManualClock(), events: new EventHub(), log: silentLogger, redactor: new Redactor(), startedAt: 0 }
      const profiles = { active: () => ({ name: 'production', kind: 'meta' }) }
      const store = { settings: { get: () => undefined, set: () => undefined } } as never
      return appHandlers(ctx as unknown as CoreContext, profiles as unknown as ProfileService, () => null, store)['app.info'](undefined)
    }
    expect(await info('https://graph.facebook.com')).toMatchObject({ graphBaseUrl: 'https://graph.facebook.com', customGraphBaseUrl: null })
    expect(await info('http://127.0.0.1:4000')).toMatchObject({ graphBaseUrl: 'http://127.0.0.1:4000', customGraphBaseUrl: 'http://127.0.0.1:4000' })
  })
})
