import { UsageError } from './command'

/** `--port 0` means "any free port"; everything else must be a valid TCP port. */
export function portOption(value: string | boolean | string[] | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback
  const text = typeof value === 'string' ? value : ''
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) {
    throw new UsageError(`--${name} must be a port number from 0 to 65535 (0 picks a free port), not "${text}"`)
  }
  return Number(text)
}

export function stringOption(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** `--limit N`: a whole number within what the query allows. */
export function limitOption(value: string | boolean | string[] | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback
  const n = Number(typeof value === 'string' ? value : NaN)
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--limit must be a whole number from 1 to ${max}`)
  return n
}

/** An ISO date or date-time (`2026-12-02`, `2026-12-02T10:00`), as epoch ms. */
export function timeOption(value: unknown, name: string): number | undefined {
  const text = stringOption(value)
  if (text === undefined) return undefined
  const at = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) ? Date.parse(text) : NaN
  if (!Number.isFinite(at)) throw new UsageError(`--${name} takes a date or date-time like 2026-12-02 or 2026-12-02T10:00Z, not "${text}"`)
  return at
}
