import { describe, expect, it } from 'vitest'
import type { RefreshLogEntryView, TokenStatus } from '../../src/shared/contract'
import { tokenTimeline } from '../../src/renderer/src/screens/overview/token-timeline'

const hour = 3_600_000
const issuedAt = Date.UTC(2026, 11, 1, 0)
const expiresAt = issuedAt + 10 * hour

const status = (inspection: Partial<NonNullable<TokenStatus['inspection']>> | null, nextRefreshAt: number | null = null) =>
  ({ inspection: inspection && { issuedAt, expiresAt, ...inspection }, nextRefreshAt }) as unknown as TokenStatus

const entry = (at: number, outcome: RefreshLogEntryView['outcome'], errorCode: number | null = null) => ({ at, outcome, errorCode }) as RefreshLogEntryView

describe('the token’s lifetime timeline', () => {
  it('runs from issued to expires with this token’s refresh attempts, now and the next automatic refresh', () => {
    const log = [entry(issuedAt - 5 * hour, 'success'), entry(issuedAt - 2_000, 'success'), entry(issuedAt + 2 * hour, 'failure', 190)]
    const line = tokenTimeline(status({}, issuedAt + 8 * hour), log, issuedAt + 5 * hour)!
    expect(line.start).toBe(issuedAt)
    expect(line.end).toBe(expiresAt)
    expect(line.events.map((e) => [e.kind, e.label, e.x])).toEqual([
      ['refresh', 'token refreshed', 0],
      ['issued', 'issued', 0],
      ['refresh', 'token expired or invalid (Graph 190)', 0.2],
      ['now', 'now', 0.5],
      ['next', 'next automatic refresh', 0.8],
      ['expires', 'expires', 1],
    ])
  })

  it('says expired once the end has passed, and draws nothing for a token without an end', () => {
    const line = tokenTimeline(status({}), [], expiresAt + hour)!
    expect(line.events.map((e) => [e.kind, e.label, e.tone])).toEqual([
      ['issued', 'issued', 'accent'],
      ['expires', 'expired', 'danger'],
    ])
    expect(tokenTimeline(status({ expiresAt: 0 }), [], issuedAt)).toBeNull()
    expect(tokenTimeline(status(null), [], issuedAt)).toBeNull()
  })
})
