import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inbound, inboundKinds, statusUpdate } from '../../support/webhook-payloads'
import { webhookHarness, type WebhookHarness } from '../../support/webhook'

const RUNS = Number(process.env.SWITCHBOARD_FUZZ_RUNS ?? 60)

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** Replace, delete or retype one node somewhere in a valid payload. */
function mutate(value: Json, path: number[], replacement: Json, remove: boolean): Json {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement
  const [step, ...rest] = path
  if (Array.isArray(value)) {
    if (value.length === 0) return [replacement]
    const i = step! % value.length
    const copy = [...value]
    if (remove && rest.length === 0) copy.splice(i, 1)
    else copy[i] = mutate(copy[i]!, rest, replacement, remove)
    return copy
  }
  const keys = Object.keys(value)
  if (keys.length === 0) return { extra: replacement }
  const key = keys[step! % keys.length]!
  const copy = { ...value }
  if (remove && rest.length === 0) delete copy[key]
  else copy[key] = mutate(copy[key]!, rest, replacement, remove)
  return copy
}

const valid = fc.oneof(
  fc.constantFrom(...inboundKinds).map((kind) => inbound('4915100009999', 'Fuzz', kind.message) as Json),
  fc.constant(statusUpdate('wamid.fuzz', '4915100009999', 'delivered', Date.now()) as Json),
)

const bodies: fc.Arbitrary<{ what: string; raw: string | Buffer }> = fc.oneof(
  fc
    .tuple(valid, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>, fc.boolean())
    .map(([payload, path, replacement, remove]) => ({ what: 'mutated', raw: JSON.stringify(mutate(payload, path, replacement, remove)) })),
  fc.uint8Array({ maxLength: 4096 }).map((bytes) => ({ what: 'random bytes', raw: Buffer.from(bytes) })),
  fc.integer({ min: 60, max: 200_000 }).map((n) => ({ what: `nested ${n}`, raw: '['.repeat(n) + ']'.repeat(n) })),
  fc.integer({ min: 60, max: 50_000 }).map((n) => ({ what: `nested objects ${n}`, raw: '{"a":'.repeat(n) + '1' + '}'.repeat(n) })),
  fc.integer({ min: 1000, max: 300_000 }).map((n) => ({
    what: `huge array ${n}`,
    raw: JSON.stringify({ object: 'whatsapp_business_account', entry: Array.from({ length: n }, () => ({ id: '1', changes: [] })) }),
  })),
  fc
    .constantFrom<Json>(
      { object: 'whatsapp_business_account', entry: 'x' },
      { object: 'whatsapp_business_account', entry: [{ changes: {} }] },
      { object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages', value: [] }] }] },
      { object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages', value: { messages: {}, statuses: 's', contacts: 7 } }] }] },
      { object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages', value: { messages: [{ id: 5, from: [], timestamp: {} }] } }] }] },
      { object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages', value: { statuses: [{ id: 'w', status: 7, timestamp: 'soon' }] } }] }] },
    )
    .map((payload) => ({ what: 'wrong types', raw: JSON.stringify(payload) })),
)

describe('webhook robustness: fuzzed, validly signed bodies', () => {
  let hook: WebhookHarness
  beforeAll(async () => {
    hook = await webhookHarness()
  })
  afterAll(() => hook.close())

  it('are stored or refused with a reason: never a 5xx, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, async ({ what, raw }) => {
        const response = await hook.post(null, { raw })
        expect([200, 400, 413], what).toContain(response.status)
        const [latest] = (await hook.core.call('webhook.requests', { limit: 1 })).items
        expect(latest!.status, what).toBe(response.status)
        if (response.status !== 200) expect(latest!.reason, what).toMatch(/\S/)
      }),
      { numRuns: RUNS },
    )
    expect((await hook.post(inbound('4915100001111', 'After', { type: 'text', text: { body: 'still alive' } }))).status).toBe(200)
  }, 120_000)
})
