import { describe, expect, it } from 'vitest'
import { SeededRandom } from '../../../src/main/core/sandbox/seeded-random'

describe('SeededRandom', () => {
  it('repeats a sequence for a seed and resumes from a saved state', () => {
    const a = new SeededRandom(42)
    const b = new SeededRandom(42)
    const first = [a.next(), a.next(), a.next()]
    expect([b.next(), b.next(), b.next()]).toEqual(first)
    const resumed = new SeededRandom(a.state)
    expect(resumed.next()).toBe(a.next())
    expect(new SeededRandom(43).next()).not.toBe(first[0])
  })

  it('makes Graph-like ids and stays within bounds', () => {
    const rng = new SeededRandom(1)
    for (let i = 0; i < 200; i++) {
      expect(rng.digits(15)).toMatch(/^[1-9]\d{14}$/)
      const n = rng.int(3, 5)
      expect(n >= 3 && n <= 5).toBe(true)
    }
    expect(rng.hex(32)).toMatch(/^[0-9a-f]{32}$/)
    expect(rng.alnum(20)).toMatch(/^[A-Za-z0-9]{20}$/)
    expect(() => rng.pick([])).toThrow()
  })
})
