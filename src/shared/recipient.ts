import { parsePhoneNumberFromString } from 'libphonenumber-js/min'

export type PhoneCheck = { ok: true; e164: string; waId: string; country: string | null } | { ok: false; reason: string }

/**
 * A recipient as E.164, validated with libphonenumber's metadata. WhatsApp IDs are the same
 * digits without the plus; both forms are accepted as input.
 */
export function checkRecipient(input: string): PhoneCheck {
  const text = input.trim().replace(/[\s().-]/g, '')
  if (text === '') return { ok: false, reason: 'Enter the recipient’s number in international format, e.g. +15551234567' }
  const candidate = text.startsWith('+') ? text : text.startsWith('00') ? `+${text.slice(2)}` : `+${text}`
  if (!/^\+\d{6,15}$/.test(candidate)) return { ok: false, reason: 'Use digits only, in international format (+ country code, then the number)' }
  const parsed = parsePhoneNumberFromString(candidate)
  if (!parsed) return { ok: false, reason: `${input.trim()} is not a phone number (start with + and the country code)` }
  if (!parsed.isValid()) return { ok: false, reason: `${parsed.formatInternational()} is not a valid number${parsed.country ? ` in ${parsed.country}` : ''}` }
  return { ok: true, e164: parsed.number, waId: parsed.number.slice(1), country: parsed.country ?? null }
}
