import type { SeededRandom } from '../seeded-random'
import { phoneCountry } from './phone-country'

/** `<ISO 3166 alpha-2>.<up to 128 alphanumerics>`, or a parent BSUID `<country>.ENT.<…>`. */
const BUSINESS_SCOPED_USER_ID = /^[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}$/

export function isBusinessScopedUserId(value: string): boolean {
  return BUSINESS_SCOPED_USER_ID.test(value)
}

/** A new BSUID for the owner of this phone number, shaped like Meta's (`US.13491208655302741918`). */
export function newBusinessScopedUserId(rng: SeededRandom, waId: string): string {
  return `${phoneCountry(waId)}.${rng.digits(20)}`
}
