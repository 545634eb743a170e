import { describe, expect, it } from 'vitest'
import type { GraphErrorResult } from './helpers/graph-client'
import { advance, closeAfterEach, receiver, subscribeApp, testSandbox, type SandboxFixture } from './helpers/sandbox-fixture'

closeAfterEach()

const text = { type: 'text', text: { body: 'Happy to help' } }
const helloWorld = { type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } }

function send(fixture: SandboxFixture, body: Record<string, unknown>) {
  return fixture.graph.post<{ contacts: Record<string, string>[]; messages: { id: string }[] } & GraphErrorResult>(
    `/${fixture.sandbox.phoneNumbers[0]!.id}/messages`,
    { messaging_product: 'whatsapp', ...body },
    fixture.token,
  )
}

describe('sending to a business-scoped user ID', () => {
  it('accepts `recipient`, answers with the user_id, and plays statuses without the phone the business does not have', async () => {
    const fixture = await testSandbox()
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)
    const user = fixture.sandbox.customers.list().find((person) => person.username !== null)!
    await fixture.sandbox.customers.send({ from: user.userId })

    const sent = await send(fixture, { recipient: user.userId, ...text })
    expect(sent.status).toBe(200)
    expect(sent.body).toEqual({ messaging_product: 'whatsapp', contacts: [{ input: user.userId, user_id: user.userId }], messages: [{ id: expect.stringMatching(/^wamid\./) as unknown }] })
    await advance(fixture, 120_000)

    // The window the customer opened by writing in holds for a reply by BSUID: no 131047.
    const changes = endpoint.changes().filter((change) => change.value.statuses)
    expect(changes.map((change) => change.value.statuses![0]!.status)).toEqual(['sent', 'delivered', 'read'])
    for (const change of changes) {
      const status = change.value.statuses![0]!
      expect(status).toMatchObject({ id: sent.body.messages[0]!.id, recipient_user_id: user.userId, pricing: { category: 'service' } })
      expect(status.recipient_id).toBeUndefined()
    }
    expect(changes.map((change) => change.value.contacts)).toEqual([
      [{ profile: { name: user.name }, user_id: user.userId }],
      [{ profile: { name: user.name, username: user.username }, user_id: user.userId }],
      [{ profile: { name: user.name, username: user.username }, user_id: user.userId }],
    ])
    // Sending by BSUID does not put the phone on record.
    expect(fixture.sandbox.customers.list().find((person) => person.userId === user.userId)!.waId).toBeNull()
  })

  it('lets `to` win when both are given, and refuses a BSUID in `to` or a malformed `recipient` with code 100', async () => {
    const fixture = await testSandbox()
    const user = fixture.sandbox.customers.list().find((person) => person.username !== null)!

    const both = await send(fixture, { to: '15550104477', recipient: user.userId, ...helloWorld })
    expect(both.body.contacts).toEqual([{ input: '15550104477', wa_id: '15550104477' }])
    const bothWithBadRecipient = await send(fixture, { to: '15550104477', recipient: 'nonsense', ...helloWorld })
    expect(bothWithBadRecipient.status).toBe(200)

    const inTo = await send(fixture, { to: user.userId, ...helloWorld })
    expect(inTo.status).toBe(400)
    expect(inTo.body.error).toMatchObject({ code: 100, message: '(#100) Invalid parameter', type: 'OAuthException' })
    expect(inTo.body.error.error_data!.details).toMatch(/to a business-scoped user ID \(BSUID\), put it in recipient/)

    const malformed = await send(fixture, { recipient: '15550104477', ...helloWorld })
    expect(malformed.status).toBe(400)
    expect(malformed.body.error).toMatchObject({ code: 100, message: '(#100) Invalid parameter' })
    expect(malformed.body.error.error_data!.details).toMatch(/^Param recipient must be a business-scoped user ID/)
    expect((await send(fixture, helloWorld)).body.error.message).toBe('(#100) The parameter to is required')
  })

  it('refuses copy-code authentication templates to a BSUID with 131062, and sends them to the phone number', async () => {
    const fixture = await testSandbox()
    const plain = fixture.sandbox.customers.list().find((person) => person.username === null)!
    const otp = {
      type: 'template',
      template: {
        name: 'verification_code',
        language: { code: 'en_US' },
        components: [
          { type: 'body', parameters: [{ type: 'text', text: '482193' }] },
          { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: '482193' }] },
        ],
      },
    }
    const refused = await send(fixture, { recipient: plain.userId, ...otp })
    expect(refused.status).toBe(400)
    expect(refused.body.error).toMatchObject({ code: 131062, message: '(#131062) Business-scoped User ID (BSUID) recipients are not supported for this message.' })
    expect((await send(fixture, { to: plain.waId, ...otp })).status).toBe(200)
    expect((await send(fixture, { recipient: plain.userId, ...helloWorld })).status).toBe(200)
  })

  it('keeps one pair limit per customer, whether the business uses the phone number or the BSUID', async () => {
    const fixture = await testSandbox({ pairBurst: 2 })
    const plain = fixture.sandbox.customers.list().find((person) => person.username === null)!
    expect((await send(fixture, { to: plain.waId, ...helloWorld })).status).toBe(200)
    expect((await send(fixture, { recipient: plain.userId, ...helloWorld })).status).toBe(200)
    const limited = await send(fixture, { recipient: plain.userId, ...helloWorld })
    expect(limited.status).toBe(400)
    expect(limited.body.error.code).toBe(131056)
    expect((await send(fixture, { to: plain.waId, ...helloWorld })).body.error.code).toBe(131056)
  })

  it('opens the customer-service window for the customer, not the address: written to by phone, answered by BSUID', async () => {
    const fixture = await testSandbox()
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)
    const plain = fixture.sandbox.customers.list().find((person) => person.username === null)!
    const cold = await send(fixture, { recipient: plain.userId, ...text })
    await fixture.sandbox.customers.send({ from: plain.waId! })
    await advance(fixture, 1000)
    const warm = await send(fixture, { recipient: plain.userId, ...text })
    await advance(fixture, 120_000)
    const statusesOf = (id: string) => endpoint.statuses().filter((status) => status.id === id)
    expect(statusesOf(cold.body.messages[0]!.id)).toEqual([expect.objectContaining({ status: 'failed', recipient_user_id: plain.userId, errors: [expect.objectContaining({ code: 131047 })] })])
    // A BSUID send to a customer whose phone the business has: the phone comes along.
    expect(statusesOf(warm.body.messages[0]!.id).map((status) => [status.status, status.recipient_id, status.recipient_user_id])).toEqual([
      ['sent', plain.waId, plain.userId],
      ['delivered', plain.waId, plain.userId],
      ['read', plain.waId, plain.userId],
    ])
  })

  it('accepts a BSUID it does not know, then fails it with 131026; failures of phone sends carry no BSUID and no contacts', async () => {
    const fixture = await testSandbox()
    const endpoint = await receiver()
    await subscribeApp(fixture, endpoint)
    const stranger = await send(fixture, { recipient: 'BR.1502576394655843', ...helloWorld })
    expect(stranger.body.contacts).toEqual([{ input: 'BR.1502576394655843', user_id: 'BR.1502576394655843' }])
    const offWhatsApp = await send(fixture, { to: '447700900000', ...helloWorld })
    await advance(fixture, 10_000)
    const failures = endpoint.changes().map((change) => change.value)
    for (const value of failures) expect(value.contacts).toBeUndefined()
    const byId = (id: string) => failures.flatMap((value) => value.statuses ?? []).find((status) => status.id === id)!
    expect(byId(stranger.body.messages[0]!.id)).toEqual({
      id: stranger.body.messages[0]!.id,
      status: 'failed',
      timestamp: expect.stringMatching(/^\d+$/) as unknown,
      recipient_user_id: 'BR.1502576394655843',
      errors: [expect.objectContaining({ code: 131026 })],
    })
    expect(byId(offWhatsApp.body.messages[0]!.id)).toEqual(expect.objectContaining({ recipient_id: '447700900000', errors: [expect.objectContaining({ code: 131026 })] }))
    expect(byId(offWhatsApp.body.messages[0]!.id).recipient_user_id).toBeUndefined()
  })
})
