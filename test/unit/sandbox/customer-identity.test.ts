import { describe, expect, it } from 'vitest'
import { SeededRandom } from '../../../src/main/core/sandbox/seeded-random'
import { createCustomers, isBusinessScopedUserId, newCustomer, phoneCountry } from '../../../src/main/core/sandbox/state'

describe("the sandbox's customers", () => {
  it('are about a third username users in every fresh world, the same for a seed', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const customers = createCustomers(new SeededRandom(seed), 6)
      expect(customers.filter((customer) => customer.username !== null)).toHaveLength(2)
      expect(createCustomers(new SeededRandom(seed), 6)).toEqual(customers)
    }
  })

  it('each have a BSUID of their phone’s country; username users start with the phone off the business’s record', () => {
    const rng = new SeededRandom(4)
    for (let i = 0; i < 100; i++) {
      const customer = newCustomer(rng, { username: i % 2 === 0 })
      expect(isBusinessScopedUserId(customer.userId)).toBe(true)
      expect(customer.userId.slice(0, 3)).toBe(`${phoneCountry(customer.waId)}.`)
      if (customer.username === null) {
        expect(customer.phoneOnRecord).toBe(true)
      } else {
        expect(customer.username).toMatch(/^@[a-z0-9._]+$/)
        expect(customer.phoneOnRecord).toBe(false)
      }
    }
  })

  it('keep a BSUID country by calling code', () => {
    expect(phoneCountry('15550104477')).toBe('US')
    expect(phoneCountry('447400123456')).toBe('GB')
    expect(phoneCountry('2348031234567')).toBe('NG')
    expect(phoneCountry('351912345678')).toBe('PT')
    expect(phoneCountry('9999999999')).toBe('ZZ')
  })

  it('recognise BSUIDs and parent BSUIDs, not phone numbers', () => {
    expect(isBusinessScopedUserId('US.13491208655302741918')).toBe(true)
    expect(isBusinessScopedUserId('US.ENT.11815799212886844830')).toBe(true)
    expect(isBusinessScopedUserId(`BR.${'a1'.repeat(64)}`)).toBe(true)
    for (const value of ['15550104477', '+1 555 010 4477', 'us.1349', 'USA.1349', 'US.', `US.${'1'.repeat(129)}`, 'US.12-34']) {
      expect(isBusinessScopedUserId(value), value).toBe(false)
    }
  })
})
