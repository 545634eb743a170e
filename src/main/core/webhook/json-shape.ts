/** Lenient readers for Meta's JSON: a wrong shape reads as absent, never throws. */

export type Json = Record<string, unknown>

export const obj = (value: unknown): Json | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined)
export const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
/** A non-blank string. */
export const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined)
