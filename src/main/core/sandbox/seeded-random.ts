const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/**
 * mulberry32: a tiny PRNG whose whole state is one 32-bit number, so the sandbox can persist it and
 * a seeded run produces the same ids, customers and delays every time.
 */
export class SeededRandom {
  private current: number

  constructor(seed: number) {
    this.current = seed >>> 0
  }

  get state(): number {
    return this.current
  }

  next(): number {
    this.current = (this.current + 0x6d2b79f5) >>> 0
    let t = this.current
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[this.int(0, items.length - 1)] as T
  }

  /** A digit string that never starts with 0 (Graph ids look like this). */
  digits(length: number): string {
    let out = String(this.int(1, 9))
    while (out.length < length) out += String(this.int(0, 9))
    return out
  }

  alnum(length: number): string {
    let out = ''
    while (out.length < length) out += ALNUM[this.int(0, ALNUM.length - 1)]
    return out
  }

  hex(length: number): string {
    let out = ''
    while (out.length < length) out += this.int(0, 15).toString(16)
    return out
  }
}
