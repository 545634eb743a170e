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
