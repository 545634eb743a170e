import { describe, expect, it } from 'vitest'
import { sessionExpiredMessage, sessionTime } from '../../../src/main/core/sandbox/tokens/session-time'

describe('Meta session times', () => {
  it('writes Pacific time with daylight saving, as Graph does', () => {
    expect(sessionTime(Date.UTC(2024, 7, 9, 17, 0, 0))).toBe('Friday, 09-Aug-24 10:00:00 PDT')
    expect(sessionTime(Date.UTC(2025, 11, 25, 8, 30, 5))).toBe('Thursday, 25-Dec-25 00:30:05 PST')
  })

  it('builds the expired-session message with both instants', () => {
    expect(sessionExpiredMessage(Date.UTC(2023, 5, 19, 13, 29, 46), Date.UTC(2023, 6, 4, 9, 11, 32))).toBe(
      'Error validating access token: Session has expired on Monday, 19-Jun-23 06:29:46 PDT. The current time is Tuesday, 04-Jul-23 02:11:32 PDT.',
    )
  })
})
