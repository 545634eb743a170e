import type { SeededRandom } from '../seeded-random'
import { customerWaId, newBusinessScopedUserId, type CustomerState } from '../state'

/** A customer moving to a new phone number, which also gives them a new BSUID. */
export interface IdentityChange {
  name: string
  previous: { waId: string; userId: string }
  next: { waId: string; userId: string }
  /** Plain users' new numbers may be shared (`user_changed_number`); username users' may not (`user_changed_user_id`). */
  numberShared: boolean
}

export function planIdentityChange(rng: SeededRandom, customer: CustomerState): IdentityChange {
  const waId = customerWaId(rng)
  return {
    name: customer.name,
    previous: { waId: customer.waId, userId: customer.userId },
    next: { waId, userId: newBusinessScopedUserId(rng, waId) },
    numberShared: customer.username === null,
  }
}

/** After the change the business has the new number on record only if it was shared with it. */
export function applyIdentityChange(customer: CustomerState, change: IdentityChange): void {
  customer.waId = change.next.waId
  customer.userId = change.next.userId
  customer.phoneOnRecord = change.numberShared
}

/** The `system` object of Meta's system message for the change. */
export function identityChangeSystem(change: IdentityChange): Record<string, unknown> {
  const { name, previous, next } = change
  if (change.numberShared) {
    return {
      body: `User ${name} changed from ${previous.waId} to ${next.waId}`,
      wa_id: next.waId,
      user_id: next.userId,
      previous_user_id: previous.userId,
      type: 'user_changed_number',
    }
  }
  return {
    body: `User ${name} changed from ${previous.userId} to ${next.userId}`,
    user_id: next.userId,
    previous_user_id: previous.userId,
    type: 'user_changed_user_id',
  }
}
