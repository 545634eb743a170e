/** A small seeded generator (mulberry32): the same seed gives the same data set on every machine. */
export class SeededRandom {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  int(below: number): number {
    return Math.floor(this.next() * below)
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!
  }
}

/** Ranks 0…n-1 drawn with probability ∝ 1/(rank+1)^s: a few items very often, a long tail rarely. */
export class Zipf {
  private readonly cumulative: Float64Array

  constructor(
    readonly size: number,
    exponent: number,
  ) {
    this.cumulative = new Float64Array(size)
    let total = 0
    for (let rank = 0; rank < size; rank++) {
      total += 1 / (rank + 1) ** exponent
      this.cumulative[rank] = total
    }
    for (let rank = 0; rank < size; rank++) this.cumulative[rank]! /= total
  }

  draw(random: SeededRandom): number {
    const target = random.next()
    let low = 0
    let high = this.size - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.cumulative[middle]! < target) low = middle + 1
      else high = middle
    }
    return low
  }
}
