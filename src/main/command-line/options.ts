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
