import type { CustomerAddress, CustomerIdentity } from '../store'
import { obj, str, type Json } from './json-shape'

/**
 * Who a delivery is about. Meta names a customer by phone number (`wa_id`, `from`,
 * `recipient_id`), by business-scoped user ID (`user_id`, `from_user_id`, `recipient_user_id`), or
 * both; username users may come without a phone number at all.
 */

export function identityOf(contact: Json): CustomerIdentity | null {
  const phone = str(contact.wa_id) ?? null
  const userId = str(contact.user_id) ?? null
  if (!phone && !userId) return null
  const profile = obj(contact.profile)
  return {
    phone,
    userId,
    parentUserId: str(contact.parent_user_id) ?? null,
    username: str(profile?.username) ?? null,
    name: str(profile?.name) ?? null,
  }
}

/**
 * The customer an item concerns, completed from the delivery's `contacts[]`: the entry naming the
 * same phone or BSUID, or the only entry there is.
 */
export function addressOf(phone: string | undefined, userId: string | undefined, contacts: readonly CustomerIdentity[]): CustomerAddress | null {
  const match =
    contacts.find((contact) => (phone !== undefined && contact.phone === phone) || (userId !== undefined && contact.userId === userId)) ??
    (contacts.length === 1 && phone === undefined && userId === undefined ? contacts[0] : undefined)
  const address = { phone: phone ?? match?.phone ?? null, userId: userId ?? match?.userId ?? null }
  return address.phone || address.userId ? address : null
}
