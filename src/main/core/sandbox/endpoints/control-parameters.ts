import { oauthError, quoted } from '../graph-error'

/** A non-empty string parameter, or undefined. */
export function optionalString(params: Record<string, unknown>, name: string): string | undefined {
  const value = params[name]
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** `true`/`false` as JSON booleans or form strings; undefined when absent. */
export function optionalBoolean(params: Record<string, unknown>, name: string): boolean | undefined {
  const value = params[name]
  if (value === undefined || value === '') return undefined
  if (value === true || value === 'true') return true
  if (value === false || value === 'false') return false
  throw oauthError(400, 100, `(#100) Param ${name} must be a boolean - got "${quoted(value)}".`)
}
