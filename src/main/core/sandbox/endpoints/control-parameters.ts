import { oauthError, quoted } from '../graph-error'
import type { GraphContext } from './context'
import type { GraphRequest } from './request'

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

/** `phone_number_id`: one of the sandbox's business numbers, or undefined when absent. */
export function businessNumber(context: GraphContext, request: GraphRequest): string | undefined {
  const id = optionalString(request.params, 'phone_number_id')
  if (id && !context.store.phoneNumber(id)) throw oauthError(400, 100, `(#100) Unknown phone_number_id ${id}`)
  return id
}

/** WhatsApp users may send documents up to 2 GB; the sandbox makes files up to that size. */
const MAX_CUSTOMER_MEDIA_BYTES = 2 * 1024 * 1024 * 1024

/** A positive whole number of bytes (a JSON number or a form string), or undefined when absent. */
export function optionalByteCount(params: Record<string, unknown>, name: string): number | undefined {
  const value = params[name]
  if (value === undefined || value === '') return undefined
  const bytes = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN
  if (!Number.isSafeInteger(bytes) || bytes < 1 || bytes > MAX_CUSTOMER_MEDIA_BYTES) {
    throw oauthError(400, 100, `(#100) Param ${name} must be a whole number of bytes from 1 to ${MAX_CUSTOMER_MEDIA_BYTES} - got "${quoted(value)}".`)
  }
  return bytes
}
