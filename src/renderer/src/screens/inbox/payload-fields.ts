/**
 * Safe reads from a message payload. Payloads are whatever Meta (or the composer) sent, so every
 * field may be missing or of another shape; these never throw and never guess.
 */
export type Json = Record<string, unknown>

export const obj = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined

export const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

export const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined)

export const num = (value: unknown): number | undefined => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined
}

/** Meta's error objects (`code`, `title`, `message`, `error_data.details`), as one line each. */
export interface ErrorLine {
  code: string | null
  title: string
  details: string | null
}

export function errorLines(errors: unknown): ErrorLine[] {
  return arr(errors).map((item) => {
    const error = obj(item) ?? {}
    const code = num(error.code)
    const title = str(error.title) ?? str(error.message) ?? 'No description'
    const details = str(obj(error.error_data)?.details) ?? (str(error.message) !== title ? (str(error.message) ?? null) : null)
    return { code: code === undefined ? null : String(code), title, details }
  })
}
