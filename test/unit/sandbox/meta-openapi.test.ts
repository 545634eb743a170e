import { describe, expect, it } from 'vitest'
import { loadMetaOpenApi, SPEC_REPAIRS } from '../../support/meta-openapi'

const repaired = loadMetaOpenApi()
const asPublished = loadMetaOpenApi({ repairs: false })
if (repaired.skipReason) console.warn(`[meta-openapi] skipped: ${repaired.skipReason}`)

const textBody = { messaging_product: 'whatsapp', to: '15551234567', type: 'text', text: { body: 'hello' } }
const templateBody = {
  messaging_product: 'whatsapp',
  to: '15551234567',
  type: 'template',
  template: { name: 'order_update', language: { code: 'en_US' }, components: [{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: '10234' }] }] },
}

describe.skipIf(!repaired.spec)(`Meta's OpenAPI spec loader${repaired.skipReason ? ` (skipped: ${repaired.skipReason})` : ''}`, () => {
  const spec = repaired.spec!
  const published = asPublished.spec!

  it('reads the version and compiles response validators for a path template', () => {
    expect(spec.version).toBe('v23.0')
    expect(spec.hasResponseSchema('POST', '/{Version}/{Phone-Number-ID}/messages', 200)).toBe(true)
    expect(spec.validateResponse('POST', '/{Version}/{Phone-Number-ID}/messages', 200, { messaging_product: 'whatsapp', contacts: [], messages: [{ id: 'wamid.x' }] }).valid).toBe(true)
    const bad = spec.validateResponse('GET', '/{Version}/{Phone-Number-ID}', 200, { id: '1', quality_rating: 'PURPLE' })
    expect(bad.valid).toBe(false)
    expect(bad.errors.join('\n')).toContain('/quality_rating')
  })

  it('rejects what the spec forbids: a Graph error without code, an unknown operation', () => {
    expect(spec.validateResponse('GET', '/{Version}/{Phone-Number-ID}', 400, { error: { message: 'x', type: 'OAuthException' } }).valid).toBe(false)
    expect(() => spec.validateResponse('GET', '/{Version}/nowhere', 200, {})).toThrow(/no GET/)
  })

  it('needs its repairs: as published, no send-message body validates', () => {
    expect(published.validateRequestBody('POST', '/{Version}/{Phone-Number-ID}/messages', { ...textBody, recipient_type: 'individual' }).valid).toBe(false)
    expect(spec.validateRequestBody('POST', '/{Version}/{Phone-Number-ID}/messages', textBody)).toEqual({ valid: true, errors: [] })
    expect(spec.validateRequestBody('POST', '/{Version}/{Phone-Number-ID}/messages', templateBody)).toEqual({ valid: true, errors: [] })
    expect(published.validateRequestBody('POST', '/{Version}/{Phone-Number-ID}/messages', templateBody).valid).toBe(false)
  })

  it('still catches a malformed body after repair', () => {
    const result = spec.validateRequestBody('POST', '/{Version}/{Phone-Number-ID}/messages', { ...textBody, text: { body: 'x', colour: 'red' } })
    expect(result.valid).toBe(false)
  })

  it('validates inbound webhooks against the documented inbound shape', () => {
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '1',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550100', phone_number_id: '2' },
                contacts: [{ profile: { name: 'Ana' }, wa_id: '15551234567' }],
                messages: [{ from: '15551234567', id: 'wamid.abc', timestamp: '1700000000', type: 'text', text: { body: 'hi' } }],
              },
            },
          ],
        },
      ],
    }
    expect(spec.validateWebhook(payload)).toEqual({ valid: true, errors: [] })
    expect(published.validateWebhook(payload).valid).toBe(false)
    const noText = structuredClone(payload)
    delete (noText.entry[0]!.changes[0]!.value.messages[0] as { text?: unknown }).text
    expect(spec.validateWebhook(noText).valid).toBe(false)
  })

  it('documents every repair', () => {
    expect(SPEC_REPAIRS.length).toBeGreaterThanOrEqual(6)
    for (const repair of SPEC_REPAIRS) expect(repair.problem.length).toBeGreaterThan(20)
  })
})
