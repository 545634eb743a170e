import { oauthError } from '../graph-error'
import { normalisePhoneNumber } from '../messaging'
import type { SeededRandom } from '../seeded-random'
import { isBusinessScopedUserId, newCustomer, type CustomerState, type StateStore } from '../state'

/** A customer as the rest of the app may see them: the phone only while the business has it on record. */
export interface CustomerView {
  name: string
  /** Null while the business does not have the phone on record (a username user it never messaged by number). */
  waId: string | null
  userId: string
  username: string | null
}

/**
 * Finds the sandbox's customers by phone number or BSUID. A phone number it has not met becomes a
 * new customer (a plain one unless asked for a username user); a BSUID cannot, since Meta makes
 * those up, so an unknown one is refused.
 */
export class CustomerDirectory {
  constructor(
    private readonly store: StateStore,
    private readonly rng: SeededRandom,
  ) {}

  list(): CustomerView[] {
    return this.store.state.customers.map((customer) => ({
      name: customer.name,
      waId: customer.phoneOnRecord ? customer.waId : null,
      userId: customer.userId,
      username: customer.username,
    }))
  }

  /** `from` is a phone number (digits, `+` and separators allowed) or a BSUID. */
  find(from: string, options: { username?: boolean } = {}): CustomerState {
    const text = from.trim()
    if (isBusinessScopedUserId(text)) {
      const known = this.store.customerByUserId(text)
      if (!known) throw oauthError(400, 100, `(#100) The sandbox has no customer with the business-scoped user ID ${text}`)
      return known
    }
    const waId = normalisePhoneNumber(text)
    return this.store.customerByPhone(waId) ?? this.store.addCustomer(newCustomer(this.rng, { waId, username: options.username ?? false }))
  }

  /** A random customer; `username` narrows it to username (true) or plain (false) users, and one joins if none is. */
  pick(username?: boolean): CustomerState {
    const customers = this.store.state.customers
    const pool = username === undefined ? customers : customers.filter((customer) => (customer.username !== null) === username)
    return pool.length > 0 ? this.rng.pick(pool) : this.store.addCustomer(newCustomer(this.rng, { username: username ?? false }))
  }
}
