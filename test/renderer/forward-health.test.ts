import { describe, expect, it } from 'vitest'
import type { ForwardTarget } from '../../src/shared/contract'
import { countsLine, healthLine } from '../../src/renderer/src/screens/webhooks/forward/health-text'

const now = Date.UTC(2026, 11, 2, 12)
const target = (health: Partial<ForwardTarget['health']>, counts: Partial<ForwardTarget['counts']> = {}): ForwardTarget => ({
  id: 1,
  url: 'http://localhost:3000/webhook',
  enabled: true,
  resign: false,
  passVerification: false,
  health: { state: 'ok', pausedSince: null, failures: 0, lastError: null, lastDeliveredAt: null, nextProbeAt: null, ...health },
  counts: { pending: 0, retrying: 0, delivered: 0, expired: 0, ...counts },
})

describe('a forward target’s health line', () => {
  it('says ok, and how much is on its way while a burst drains', () => {
    expect(healthLine(target({}), now)).toEqual({ text: 'ok', tone: 'ok' })
    expect(healthLine(target({}, { pending: 1200 }), now)).toEqual({ text: 'ok · sending 1,200 deliveries', tone: 'ok' })
  })

  it('counts what is being retried', () => {
    expect(healthLine(target({ state: 'retrying', failures: 2 }, { pending: 3, retrying: 1 }), now)).toEqual({ text: 'retrying 1 delivery', tone: 'warn' })
  })

  it('says since when a target is paused, what waits, and when it is tried next', () => {
    const paused = target({ state: 'paused', pausedSince: now - 5 * 60_000, nextProbeAt: now + 20_000 }, { pending: 42 })
    expect(healthLine(paused, now).text).toMatch(/^paused since .+: 42 deliveries waiting · next try in 20 s$/)
    expect(healthLine(paused, now).tone).toBe('danger')
    expect(healthLine({ ...paused, health: { ...paused.health, nextProbeAt: null } }, now).text).toMatch(/trying one delivery now$/)
  })

  it('says when a target is off', () => {
    expect(healthLine(target({ state: 'disabled' }), now)).toEqual({ text: 'off: deliveries are not forwarded', tone: 'muted' })
  })

  it('sums the queue without zeros that say nothing', () => {
    expect(countsLine(target({}, { delivered: 7 }))).toBe('7 delivered')
    expect(countsLine(target({}, { delivered: 1500, pending: 3, expired: 1 }))).toBe('1,500 delivered · 3 pending · 1 given up')
  })
})
