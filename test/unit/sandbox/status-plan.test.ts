import { describe, expect, it } from 'vitest'
import { planStatuses } from '../../../src/main/core/sandbox/messaging'
import { SeededRandom } from '../../../src/main/core/sandbox/seeded-random'

describe('status plans', () => {
  it('without quirks: sent, delivered, read in time order, plus played for voice', () => {
    const rng = new SeededRandom(9)
    for (let i = 0; i < 50; i++) {
      const plan = planStatuses(rng, { failure: false, voice: i % 2 === 0, quirks: false })
      expect(plan.map((p) => p.status)).toEqual(i % 2 === 0 ? ['sent', 'delivered', 'read', 'played'] : ['sent', 'delivered', 'read'])
      for (let j = 1; j < plan.length; j++) expect(plan[j]!.happensAfter).toBeGreaterThan(plan[j - 1]!.happensAfter)
      for (const p of plan) expect(p.deliveredAfter).toBe(p.happensAfter)
    }
  })

  it('a failure is a single failed status', () => {
    expect(planStatuses(new SeededRandom(1), { failure: true, voice: true, quirks: true }).map((p) => p.status)).toEqual(['failed'])
  })

  it('with quirks: timestamps stay in true order even when deliveries do not', () => {
    const rng = new SeededRandom(77)
    let outOfOrder = 0
    for (let i = 0; i < 300; i++) {
      const plan = planStatuses(rng, { failure: false, voice: false, quirks: true })
      const firstOfEach = ['sent', 'delivered', 'read'].map((status) => plan.find((p) => p.status === status)).filter((p) => p !== undefined)
      for (let j = 1; j < firstOfEach.length; j++) expect(firstOfEach[j]!.happensAfter).toBeGreaterThan(firstOfEach[j - 1]!.happensAfter)
      const sent = plan.find((p) => p.status === 'sent')!
      const delivered = plan.find((p) => p.status === 'delivered')
      if (delivered && delivered.deliveredAfter < sent.deliveredAfter) outOfOrder++
    }
    expect(outOfOrder).toBeGreaterThan(0)
  })
})
