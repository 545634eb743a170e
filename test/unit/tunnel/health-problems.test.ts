import { describe, expect, it } from 'vitest'
import { analyseHealth, type HealthFacts } from '../../../src/main/core/registration'

const TUNNEL = 'https://quiet-river-bench.trycloudflare.com/webhook'
const PROD = 'https://bot.example.com/webhook'

const healthy: HealthFacts = {
  sandbox: false,
  appId: '111',
  destinations: { phoneNumber: null, waba: null, app: PROD },
  subscribedApps: [{ id: '111', name: 'Bot', overrideCallbackUri: null }],
  appSubscription: { callbackUrl: PROD, active: true, fields: [{ name: 'messages', version: 'v25.0' }] },
  tunnelWebhookUrl: null,
  ownUrls: [],
}

const messages = (facts: HealthFacts) => analyseHealth(facts).problems.map((p) => `${p.severity}: ${p.message}`)

describe('webhook health: why the test works but real messages never arrive', () => {
  it('finds nothing wrong with a subscribed app delivering to production', () => {
    const analysis = analyseHealth(healthy)
    expect(analysis).toMatchObject({ effective: { level: 'app', url: PROD }, appSubscribedToWaba: true, messagesField: true, pointsAtTunnel: null })
    expect(analysis.problems).toEqual([])
  })

  it('says so when the app is not subscribed to the WABA (nothing is delivered at all)', () => {
    const analysis = analyseHealth({ ...healthy, subscribedApps: [{ id: '999', name: 'Other', overrideCallbackUri: null }] })
    expect(analysis.appSubscribedToWaba).toBe(false)
    expect(analysis.effective).toEqual({ level: null, url: null })
    expect(messages({ ...healthy, subscribedApps: [] })[0]).toMatch(/^error: The app is not subscribed to the WhatsApp Business Account.*Test button/)
  })

  it('says so when the app is not subscribed to the messages field, or has no subscription', () => {
    expect(messages({ ...healthy, appSubscription: { callbackUrl: PROD, active: true, fields: [{ name: 'account_update', version: 'v25.0' }] } })).toEqual([
      expect.stringMatching(/^error: The app is not subscribed to the messages field/),
    ])
    expect(messages({ ...healthy, appSubscription: null })[0]).toMatch(/no webhook subscription/)
  })

  it('follows Meta’s precedence: number override, then WABA override, then the app', () => {
    expect(analyseHealth({ ...healthy, destinations: { phoneNumber: TUNNEL, waba: 'https://w.example.com', app: PROD } }).effective).toEqual({ level: 'phone_number', url: TUNNEL })
    expect(analyseHealth({ ...healthy, destinations: { phoneNumber: null, waba: 'https://w.example.com', app: PROD } }).effective.level).toBe('waba')
  })

  it('tells whether webhooks reach the tunnel, and flags an override left on a dead tunnel', () => {
    const online = { ...healthy, tunnelWebhookUrl: TUNNEL }
    expect(analyseHealth(online).pointsAtTunnel).toBe(false)
    expect(messages(online)).toContain(`warning: Webhooks for this number go to ${PROD} (the app's callback), not to this tunnel.`)
    const stale = { ...online, destinations: { phoneNumber: 'https://old-gone-words.trycloudflare.com/webhook', waba: null, app: PROD } }
    expect(messages(stale).some((m) => /phone number's override points at https:\/\/old-gone-words/.test(m))).toBe(true)
    const here = { ...online, destinations: { phoneNumber: TUNNEL, waba: null, app: PROD } }
    expect(analyseHealth(here).pointsAtTunnel).toBe(true)
    expect(messages(here)).toEqual([expect.stringMatching(/^info: Overrides carry messages webhooks/)])
  })

  it('warns about plain http for Meta but not for the sandbox, and says when no callback applies', () => {
    const http = { ...healthy, destinations: { phoneNumber: 'http://127.0.0.1:4871/webhook', waba: null, app: PROD } }
    expect(messages(http).some((m) => /only to https/.test(m))).toBe(true)
    expect(messages({ ...http, sandbox: true }).some((m) => /only to https/.test(m))).toBe(false)
    expect(messages({ ...healthy, destinations: { phoneNumber: null, waba: null, app: null } }).some((m) => /No callback URL applies/.test(m))).toBe(true)
  })

  it('knows nothing it could not read', () => {
    const analysis = analyseHealth({ ...healthy, destinations: null, subscribedApps: null, appSubscription: undefined })
    expect(analysis).toMatchObject({ effective: { level: null, url: null }, appSubscribedToWaba: null, messagesField: null, pointsAtTunnel: null, problems: [] })
  })
})
