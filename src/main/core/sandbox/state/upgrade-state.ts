import type { SeededRandom } from '../seeded-random'
import { newBusinessScopedUserId } from './business-scoped-user-id'
import { customerKey } from './customers'
import type { CustomerState, SandboxState, StoredState } from './types'

/**
 * Brings a saved state up to the current version. Version 1 knew customers by phone only: each
 * keeps its number and history and gets a BSUID of its country; none becomes a username user, since
 * the business already had their numbers. "Require App Secret" starts off. Random values come from
 * the state's own persisted generator, so one file always upgrades the same way. Files written
 * before the sandbox held media start with none (the version stays 2, so older builds still read
 * the file and keep the media list).
 */
export function upgradeState(stored: StoredState, rng: SeededRandom): SandboxState {
  if (stored.version === 2) return { ...stored, media: stored.media ?? [] }
  const customers: CustomerState[] = stored.customers.map((customer) => ({
    key: customerKey(rng),
    waId: customer.waId,
    userId: newBusinessScopedUserId(rng, customer.waId),
    username: null,
    phoneOnRecord: true,
    marketingStopped: false,
    name: customer.name,
    lastInboundAt: customer.lastInboundAt,
  }))
  const keyByPhone = new Map(customers.map((customer) => [customer.waId, customer.key]))
  return {
    ...stored,
    version: 2,
    app: { ...stored.app, requireAppSecret: false },
    customers,
    messages: stored.messages.map(({ waId, ...message }) => ({ ...message, customerKey: keyByPhone.get(waId) ?? null })),
    media: [],
  }
}
