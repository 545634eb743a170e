import { z } from 'zod'

/** Helpers shared by the contract's schemas. Secrets never travel; only their masked views do. */

export const noInput = z.undefined()

/** `EA…Qz`: enough to recognise which secret is stored, never enough to use it. */
export const maskedSecret = z
  .string()
  .max(16)
  .describe('The first 2 and last 2 characters of a secret of 16 or more characters, joined by an ellipsis; •••• for a shorter one')

export const profileName = z
  .string()
  .trim()
  .min(1, 'A profile needs a name')
  .max(64, 'Profile names are at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]*$/, 'Use letters, digits, spaces, dots, dashes and underscores')

export const graphId = z.string().regex(/^\d{1,30}$/, 'Graph IDs are digits only')

export const epochMs = z.number().int().nonnegative()

/** A customer's WhatsApp ID (the phone number's digits) or business-scoped user ID (`US.1349…`). */
export const customerId = z.string().regex(/^(\d{5,20}|[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128})$/, 'A WhatsApp ID (digits of the phone number) or a business-scoped user ID')
