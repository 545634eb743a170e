/** A customer as Meta names them: a phone number (digits), a business-scoped user ID, or both. */
export interface CustomerNames {
  key: string
  name: string | null
  phone: string | null
  userId: string | null
  username: string | null
}

/** A conversation key as shown: `+` and the digits for a phone number, a BSUID as it is. */
export const keyLabel = (key: string): string => (/^\d+$/.test(key) ? `+${key}` : key)

/**
 * The name to show first (the profile name, else the username, the number or the BSUID) and the
 * identifiers not already in it. Where Meta shares no phone number the BSUID is shown: it is what
 * a reply is sent to.
 */
export function customerLabel(customer: CustomerNames): { title: string; detail: string | null } {
  const phone = customer.phone ? `+${customer.phone}` : null
  const title = customer.name ?? customer.username ?? phone ?? customer.userId ?? keyLabel(customer.key)
  const detail = [phone, customer.username, phone ? null : (customer.userId ?? keyLabel(customer.key))].filter((part): part is string => part !== null && part !== title)
  return { title, detail: detail.length ? detail.join(' · ') : null }
}

/** What to send to: the phone number when Meta shared it (Meta prefers `to`), else the BSUID. */
export const addressOf = (customer: CustomerNames): string => (customer.phone ? `+${customer.phone}` : (customer.userId ?? keyLabel(customer.key)))
