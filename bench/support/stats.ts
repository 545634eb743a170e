/** Nearest-rank percentile of samples (any order); NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1]!
}

/** Largest sample (NaN for none), without spreading a large array into arguments. */
export function maximum(samples: readonly number[]): number {
  return samples.length ? samples.reduce((max, value) => (value > max ? value : max), -Infinity) : Number.NaN
}

export const median = (samples: readonly number[]): number => percentile(samples, 50)

export interface Summary {
  count: number
  p50: number
  p95: number
  p99: number
  max: number
}

export function summarize(samples: readonly number[]): Summary {
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: maximum(samples),
  }
}

/** Milliseconds of `fn`, on the monotonic clock. */
export function timeSync(fn: () => void): number {
  const started = performance.now()
  fn()
  return performance.now() - started
}
