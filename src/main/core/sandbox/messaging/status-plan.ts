import type { SeededRandom } from '../seeded-random'

export interface PlannedStatus {
  status: 'sent' | 'delivered' | 'read' | 'played' | 'failed'
  /** Simulated ms after acceptance at which the status happened (its `timestamp`). */
  happensAfter: number
  /** Simulated ms after acceptance at which its webhook becomes due; differs when out of order. */
  deliveredAfter: number
}

export interface StatusPlanOptions {
  failure: boolean
  voice: boolean
  /** Meta's irregularities: out of order, `read` without `delivered`, duplicates, unread messages. */
  quirks: boolean
}

/**
 * The life of one accepted message as status webhooks: `sent`, `delivered`, `read` (and `played`
 * for voice messages) with realistic gaps, or a single `failed`.
 */
export function planStatuses(rng: SeededRandom, options: StatusPlanOptions): PlannedStatus[] {
  const at = (status: PlannedStatus['status'], time: number): PlannedStatus => ({ status, happensAfter: time, deliveredAfter: time })
  if (options.failure) return [at('failed', rng.int(300, 2000))]

  const sent = rng.int(200, 1200)
  const delivered = sent + rng.int(400, 3000)
  const read = delivered + rng.int(2000, 30_000)
  const plan = [at('sent', sent), at('delivered', delivered)]
  const reads = !options.quirks || rng.chance(0.85)
  if (reads) {
    plan.push(at('read', read))
    if (options.voice) plan.push(at('played', read + rng.int(1000, 15_000)))
  }
  if (!options.quirks) return plan

  // "read" with no "delivered": Meta skips delivered when the chat is open on the user's screen.
  if (reads && rng.chance(0.1)) {
    plan.splice(1, 1)
    const read = plan.find((p) => p.status === 'read') as PlannedStatus
    read.happensAfter = delivered
    read.deliveredAfter = delivered
  } else if (rng.chance(0.1)) {
    // "delivered" arrives before "sent" (timestamps still in true order).
    const [first, second] = plan as [PlannedStatus, PlannedStatus]
    first.deliveredAfter = second.happensAfter + rng.int(50, 400)
  }
  if (rng.chance(0.08)) {
    const duplicate = rng.pick(plan)
    plan.push({ ...duplicate, deliveredAfter: duplicate.deliveredAfter + rng.int(1000, 5000) })
  }
  return plan
}
