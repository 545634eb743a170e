import type { SeededRandom } from '../seeded-random'
import { newBusinessScopedUserId } from './business-scoped-user-id'
import type { CustomerState } from './types'

const CUSTOMER_NAMES = [
  'Ana Souza',
  'Ravi Kumar',
  'Chloé Martin',
  'Kwame Mensah',
  'Sofia Rossi',
  "Liam O'Brien",
  'Mei Chen',
  'Diego Hernández',
  'Amara Okafor',
  'Jonas Weber',
]

export interface NewCustomer {
  /** Default: a new number. */
  waId?: string
  /** Default: a random name. */
  name?: string
  /** A username user: the business does not have the phone on record until it sends to it. */
  username?: boolean
}

/** A fresh world's customers, each with a different name; about a third (at least one) are username users. */
export function createCustomers(rng: SeededRandom, count: number): CustomerState[] {
  const names = [...CUSTOMER_NAMES]
  const slots = Array.from({ length: Math.min(count, names.length) }, (_, index) => index)
  const usernameSlots = new Set<number>()
  while (usernameSlots.size < Math.max(1, Math.round(slots.length / 3)) && usernameSlots.size < slots.length) {
    usernameSlots.add(rng.pick(slots))
  }
  return slots.map((slot) => {
    const name = names.splice(rng.int(0, names.length - 1), 1)[0] as string
    return newCustomer(rng, { name, username: usernameSlots.has(slot) })
  })
}

export function newCustomer(rng: SeededRandom, options: NewCustomer = {}): CustomerState {
  const name = options.name ?? rng.pick(CUSTOMER_NAMES)
  const waId = options.waId ?? customerWaId(rng)
  const username = options.username ? usernameFor(rng, name) : null
  return {
    key: customerKey(rng),
    waId,
    userId: newBusinessScopedUserId(rng, waId),
    username,
    phoneOnRecord: username === null,
    marketingStopped: false,
    name,
    lastInboundAt: null,
  }
}

export function customerKey(rng: SeededRandom): string {
  return `customer-${rng.hex(12)}`
}

/** `@` and the name's letters, as people pick them: `@chloe.martin`, `@diegohernandez42`. */
function usernameFor(rng: SeededRandom, name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
  return `@${words.join(rng.pick(['', '.', '_']))}${rng.chance(0.5) ? String(rng.int(1, 99)) : ''}`
}

/** A customer number; never ends in 0000, which the sandbox reserves for "not on WhatsApp". */
export function customerWaId(rng: SeededRandom): string {
  const [country, length] = rng.pick(COUNTRY_NUMBER_LENGTHS)
  let rest: string
  do rest = rng.digits(length)
  while (rest.endsWith('0000'))
  return `${country}${rest}`
}

/** Mobile prefixes (country code + operator range) and how many random digits follow: valid numbers in each plan. */
const COUNTRY_NUMBER_LENGTHS: readonly (readonly [string, number])[] = [
  ['1201555', 4],
  ['447400', 6],
  ['49151', 8],
  ['55119', 8],
  ['9198', 8],
  ['234803', 7],
  ['39347', 7],
]
