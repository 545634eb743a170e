import { describe, expect, it } from 'vitest'
import { describeGraphError, tokenSubcodes, type GraphErrorFacts } from '../../../src/main/core/graph'

const facts = (code: number, subcode: number | null = null, status = 400, isTransient: boolean | null = null): GraphErrorFacts =>
  describeGraphError({ status, code, subcode, isTransient })

describe('describeGraphError', () => {
  it('explains each documented 190 subcode, and only 463 counts as expired', () => {
    for (const subcode of [458, 459, 460, 463, 464, 467, 492]) {
      const described = facts(190, subcode, 401)
      expect(described).toMatchObject({ kind: 'token', tokenInvalid: true, tokenExpired: subcode === 463 })
      expect(described.tokenProblem).toBe(tokenSubcodes[subcode])
      expect(described.hint).not.toBe(facts(190, null, 401).hint)
    }
    expect(facts(190, 463, 401).hint).toMatch(/expired.*paste a new one.*refresh it before expiry/)
    expect(facts(190, 460, 401).hint).toMatch(/password/)
    expect(facts(190, 459, 401).hint).toMatch(/checkpoint/)
    expect(facts(190, 464, 401).hint).toMatch(/unconfirmed/)
    expect(facts(190, 467, 401).hint).toMatch(/revoked/)
    expect(facts(190, 458, 401).hint).toMatch(/removed the app/)
    expect(facts(190, 492, 401).hint).toMatch(/assign the system user .* to the WhatsApp Business Account/)
  })

  it('treats 190 without (or with an unknown) subcode, 102 and 0 as an invalid token', () => {
    for (const [code, subcode] of [[190, null], [190, 999], [102, null], [0, null]] as const) {
      expect(facts(code, subcode, 401)).toMatchObject({ kind: 'token', tokenInvalid: true, tokenExpired: false, tokenProblem: null })
    }
  })

  it('knows the rate limits, each with its own hint, and never calls them transient', () => {
    const codes = [4, 17, 32, 341, 613, 80007, 130429, 131048, 131056, 133016]
    const hints = new Set<string>()
    for (const code of codes) {
      const described = facts(code, null, 400, true)
      expect(described).toMatchObject({ kind: 'rate_limit', rateLimited: true, transient: false })
      hints.add(described.hint)
    }
    expect(hints.size).toBe(codes.length)
    expect(facts(130429).hint).toMatch(/throughput limit.*retry after a short pause/)
  })

  it('flags the 24-hour window, templates, permissions and unreachable recipients', () => {
    expect(facts(131047)).toMatchObject({ kind: 'outside_window', outsideWindow: true })
    expect(facts(131047).hint).toMatch(/^Outside the 24-hour customer service window: send an approved template instead/)
    for (const code of [132000, 132001, 132005, 132007, 132012, 132015, 132016, 132068, 132069, 132999]) {
      expect(facts(code)).toMatchObject({ kind: 'template', templateError: true })
    }
    expect(facts(132000).hint).not.toBe(facts(132001).hint)
    for (const code of [10, 200, 250, 299, 3]) expect(facts(code, null, 403)).toMatchObject({ kind: 'permission', permission: true })
    expect(facts(300)).toMatchObject({ permission: false })
    expect(facts(131026)).toMatchObject({ kind: 'recipient', recipientNotOnWhatsApp: true })
    expect(facts(131030)).toMatchObject({ kind: 'recipient', recipientNotOnWhatsApp: false })
  })

  it('calls codes 1 and 2, is_transient and unknown 5xx transient, but not 5xx that say otherwise', () => {
    expect(facts(1)).toMatchObject({ kind: 'transient', transient: true })
    expect(facts(2, null, 500)).toMatchObject({ kind: 'transient', transient: true })
    expect(facts(98765, null, 400, true)).toMatchObject({ transient: true })
    expect(facts(98765, null, 500)).toMatchObject({ transient: true })
    expect(facts(98765, null, 500, false)).toMatchObject({ transient: false })
    expect(facts(190, 463, 500)).toMatchObject({ transient: false, tokenExpired: true })
    expect(facts(98765, null, 400)).toMatchObject({ kind: 'other', transient: false })
  })

  it('describes a response that is not a Graph error by its status', () => {
    const bad = (status: number) => describeGraphError({ status, code: -1, subcode: null, isTransient: null, unexpectedResponse: true })
    expect(bad(502)).toMatchObject({ kind: 'unexpected_response', transient: true })
    expect(bad(502).hint).toMatch(/HTTP 502/)
    expect(bad(404)).toMatchObject({ transient: false })
    expect(bad(404).hint).toMatch(/base URL and API version/)
    expect(bad(400)).toMatchObject({ transient: false })
  })

  it('gives every answer a one-line hint', () => {
    for (const code of [0, 1, 2, 3, 4, 10, 100, 104, 190, 200, 368, 80007, 130429, 131000, 131026, 131047, 132000, 133010, 424242]) {
      const { hint } = facts(code)
      expect(hint.length).toBeGreaterThan(20)
      expect(hint).not.toMatch(/\n/)
    }
  })

  it('recognises an app with "Require App Secret" from code 100\'s message, and says how to turn the proof on', () => {
    const required = describeGraphError({ status: 400, code: 100, subcode: null, isTransient: null, message: 'API calls from the server require an appsecret_proof argument' })
    expect(required.kind).toBe('app_secret_proof')
    expect(required.hint).toMatch(/Require App Secret/)
    expect(required.hint).toContain('credentials set --appsecret-proof on')
    const wrong = describeGraphError({ status: 400, code: 100, subcode: null, isTransient: null, message: 'Invalid appsecret_proof provided in the API argument' })
    expect(wrong).toMatchObject({ kind: 'app_secret_proof' })
    expect(wrong.hint).toMatch(/app secret in this profile is not this app/)
    // Any other code 100 keeps the parameter hint.
    expect(describeGraphError({ status: 400, code: 100, subcode: null, isTransient: null, message: '(#100) Invalid parameter' }).hint).toMatch(/check the IDs/)
  })

  it('says what #200 on a WABA means: the system user is not assigned to it', () => {
    expect(facts(200, null, 403).hint).toMatch(/assign the WABA to it/)
  })

  it('explains the failures that arrive in status webhooks, without sending anyone to look for an fbtrace_id', () => {
    const status = (code: number) => describeGraphError({ status: 200, code, subcode: null, isTransient: null, source: 'status' })
    const hints = new Set<string>()
    for (const code of [130472, 131049, 131050, 131051, 131052, 131053, 131057]) {
      const described = status(code)
      expect(described.hint, String(code)).not.toMatch(/fbtrace/)
      hints.add(described.hint)
    }
    expect(hints.size).toBe(7)
    expect(status(131050)).toMatchObject({ kind: 'marketing' })
    expect(status(131050).hint).toMatch(/stop marketing messages/)
    expect(status(131049).hint).toMatch(/wait at least a day/)
    expect(status(131057)).toMatchObject({ transient: true })
    expect(status(139999).hint).not.toMatch(/fbtrace/)
    expect(facts(139999).hint).toMatch(/fbtrace_id/)
  })
})
