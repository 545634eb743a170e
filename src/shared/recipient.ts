import { parsePhoneNumberFromString } from 'libphonenumber-js/min'

/**
 * A business-scoped user ID (BSUID): the ISO 3166 country code, a dot, up to 128 letters and
 * digits (`US.13491208655302741918`); a parent BSUID has `ENT` after the country
 * (`US.ENT.11815799212886844830`). Meta's "Business-scoped user IDs".
 */
export const BSUID_PATTERN = /^[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}$/

export type RecipientCheck =
  | { ok: true; kind: 'phone'; e164: string; waId: string; country: string | null }
  | { ok: true; kind: 'bsuid'; userId: string; country: string }
  | { ok: false; reason: string }

/**
 * A recipient: a phone number in international format (validated with libphonenumber's metadata;
 * the WhatsApp ID is the same digits without the plus) or a BSUID, for customers who use a
 * username and keep their number to themselves.
 */
export function checkRecipient(input: string): RecipientCheck {
  const trimmed = input.trim()
  if (BSUID_PATTERN.test(trimmed)) return { ok: true, kind: 'bsuid', userId: trimmed, country: trimmed.slice(0, 2) }
  if (/^[A-Za-z]{2}\./.test(trimmed)) {
    return { ok: false, reason: `${trimmed} is not a business-scoped user ID (two capital letters, a dot, then up to 128 letters and digits, e.g. US.13491208655302741918)` }
  }
  const text = trimmed.replace(/[\s().-]/g, '')
  if (text === '') return { ok: false, reason: 'Enter the recipient’s number in international format (e.g. +15551234567) or their business-scoped user ID' }
  const candidate = text.startsWith('+') ? text : text.startsWith('00') ? `+${text.slice(2)}` : `+${text}`
  if (!/^\+\d{6,15}$/.test(candidate)) return { ok: false, reason: 'Use digits only, in international format (+ country code, then the number), or a business-scoped user ID' }
  const parsed = parsePhoneNumberFromString(candidate)
  if (!parsed) return { ok: false, reason: `${trimmed} is not a phone number (start with + and the country code)` }
  if (!parsed.isValid()) return { ok: false, reason: `${parsed.formatInternational()} is not a valid number${parsed.country ? ` in ${parsed.country}` : ''}` }
  return { ok: true, kind: 'phone', e164: parsed.number, waId: parsed.number.slice(1), country: parsed.country ?? null }
}
