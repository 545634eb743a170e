import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/main/core/clock'
import { Redactor } from '../../../src/main/core/log'
import type { GraphErrorResult } from './helpers/graph-client'
import { tempDir } from '../../support/core'
import { advance, closeAfterEach, receiver, subscribeApp, testSandbox } from './helpers/sandbox-fixture'

closeAfterEach()

describe('sandbox state', () => {
  it('persists app, tokens, subscriptions and customers atomically, so a restart keeps the profile token valid', async () => {
    const first = await testSandbox({ tokenLifetimeSeconds: 300, seed: 11 })
    const endpoint = await receiver()
    await subscribeApp(first, endpoint)
    const before = { url: first.sandbox.url, app: first.sandbox.app, env: first.sandbox.env(), admin: first.sandbox.adminToken }
    const other = first.sandbox.issueToken('system_user_expiring')
    await first.sandbox.customers.send({ from: '15550102222' })
    await first.sandbox.close()

    const stateDir = join(first.dataDir, 'sandbox')
    expect(readdirSync(stateDir).sort()).toEqual(['media', 'state.json'])
    expect(statSync(join(stateDir, 'media')).mode & 0o777).toBe(0o700)
    expect(statSync(join(stateDir, 'state.json')).mode & 0o777).toBe(0o600)

    // An hour later: far past the 300 s lifetime of both expiring tokens.
    const later = new ManualClock(Date.UTC(2026, 0, 1, 1))
    const second = await testSandbox({ dataDir: first.dataDir, clock: later, tokenLifetimeSeconds: 300, seed: 999 })
    const { sandbox, graph } = second
    expect(sandbox.app).toEqual(before.app)
    expect(sandbox.adminToken).toBe(before.admin)
    expect({ ...sandbox.env(), GRAPH_API_BASE: before.url }).toEqual(before.env)

    const phone = sandbox.phoneNumbers[0]!.id
    expect((await graph.get(`/${phone}`, {}, sandbox.currentToken())).status).toBe(200)
    const stale = await graph.get<GraphErrorResult>(`/${phone}`, {}, other.token)
    expect(stale.status).toBe(401)
    expect(stale.body.error.error_subcode).toBe(463)

    const appToken = `${sandbox.app.id}|${sandbox.app.secret}`
    expect((await graph.get<{ data: { callback_url: string }[] }>(`/${sandbox.app.id}/subscriptions`, {}, appToken)).body.data[0]!.callback_url).toBe(endpoint.url)
    const customers = await graph.get<{ data: { wa_id: string; window_open: boolean }[] }>('/_sandbox/customers')
    expect(customers.body.data).toContainEqual(expect.objectContaining({ wa_id: '15550102222', window_open: true }))

    // The conversation window survived too: a free-form reply goes through.
    await graph.post(`/${phone}/messages`, { messaging_product: 'whatsapp', to: '15550102222', type: 'text', text: { body: 'Back again' } }, second.token)
    await advance(second, 120_000)
    expect(endpoint.statuses().map((status) => status.status)).toContain('read')
  })

  it('upgrades a version-1 state file: customers keep numbers, windows and history and get BSUIDs, the same ones every time', async () => {
    const first = await testSandbox({ seed: 21 })
    const phone = first.sandbox.phoneNumbers[0]!.id
    await first.sandbox.customers.send({ from: '15550102222' })
    const offered = await first.graph.post<{ messages: { id: string }[] }>(`/${phone}/messages`, { messaging_product: 'whatsapp', to: '15550102222', type: 'text', text: { body: 'Anything else?' } }, first.token)
    await first.sandbox.close()
    // Rewrite the file the way version 1 wrote it: customers and messages known by phone only.
    const file = join(first.dataDir, 'sandbox', 'state.json')
    const state = JSON.parse(readFileSync(file, 'utf8')) as {
      version: number
      app: Record<string, unknown>
      customers: { key: string; waId: string; name: string; lastInboundAt: number | null }[]
      messages: Record<string, unknown>[]
    }
    const phoneOf = new Map(state.customers.map((customer) => [customer.key, customer.waId]))
    const v1 = {
      ...state,
      version: 1,
      app: { id: state.app.id, secret: state.app.secret, name: state.app.name },
      customers: state.customers.map(({ waId, name, lastInboundAt }) => ({ waId, name, lastInboundAt })),
      messages: state.messages.map(({ customerKey, ...message }) => ({ ...message, waId: phoneOf.get(customerKey as string) })),
    }
    writeFileSync(file, JSON.stringify(v1))
    const copy = tempDir('switchboard-sandbox-')
    cpSync(join(first.dataDir, 'sandbox'), join(copy, 'sandbox'), { recursive: true })

    const second = await testSandbox({ dataDir: first.dataDir, clock: first.clock })
    const again = await testSandbox({ dataDir: copy, clock: first.clock })
    const people = second.sandbox.customers.list()
    expect(again.sandbox.customers.list()).toEqual(people)
    expect(people.map((person) => ({ name: person.name, waId: person.waId }))).toEqual(v1.customers.map(({ name, waId }) => ({ name, waId })))
    for (const person of people) {
      expect(person.username).toBeNull()
      expect(person.userId).toMatch(/^[A-Z]{2}\.\d{20}$/)
    }
    expect(people.find((person) => person.waId === '15550102222')!.userId).toMatch(/^US\./)
    expect(second.sandbox.requireAppSecret).toBe(false)
    expect((JSON.parse(readFileSync(file, 'utf8')) as { version: number }).version).toBe(2)

    // The window and the history survived: the window is open, and a reaction finds the old message.
    const listed = await second.graph.get<{ data: { wa_id: string; window_open: boolean }[] }>('/_sandbox/customers')
    expect(listed.body.data).toContainEqual(expect.objectContaining({ wa_id: '15550102222', window_open: true }))
    const endpoint = await receiver()
    await subscribeApp(second, endpoint)
    await second.sandbox.customers.send({ from: '15550102222', type: 'reaction' })
    const reply = await second.graph.post<{ messages: { id: string }[] }>(`/${phone}/messages`, { messaging_product: 'whatsapp', to: '15550102222', type: 'text', text: { body: 'Back again' } }, second.token)
    await advance(second, 120_000)
    expect(endpoint.statuses().filter((status) => status.id === reply.body.messages[0]!.id).map((status) => status.status)).toEqual(['sent', 'delivered', 'read'])
    expect(endpoint.messages().find((message) => message.type === 'reaction')!.reaction).toMatchObject({ message_id: offered.body.messages[0]!.id })
  })

  it('keeps Require App Secret, marketing preferences and the phones on record across a restart', async () => {
    const first = await testSandbox({ seed: 12 })
    first.sandbox.setRequireAppSecret(true)
    await first.sandbox.customers.send({ from: '+44 7400 765432', username: true })
    const user = first.sandbox.customers.list().find((person) => person.userId.startsWith('GB.') && person.username !== null)!
    await first.sandbox.customers.setMarketingPreference(user.userId, 'stop')
    await first.sandbox.close()

    const second = await testSandbox({ dataDir: first.dataDir, clock: first.clock })
    expect(second.sandbox.requireAppSecret).toBe(true)
    expect(second.sandbox.customers.list()).toContainEqual({ ...user, waId: null })
    const customers = await second.graph.get<{ data: Record<string, unknown>[] }>('/_sandbox/customers')
    expect(customers.body.data).toContainEqual(expect.objectContaining({ user_id: user.userId, wa_id: null, marketing_messages: 'stop' }))
  })

  it('is deterministic for a seed and different without one', async () => {
    const a = await testSandbox({ seed: 5 })
    const b = await testSandbox({ seed: 5 })
    const c = await testSandbox({ seed: 6 })
    expect(b.sandbox.app).toEqual(a.sandbox.app)
    expect(b.sandbox.currentToken()).toBe(a.sandbox.currentToken())
    expect(c.sandbox.app.id).not.toBe(a.sandbox.app.id)
  })

  it('moves an unreadable state file aside and starts fresh', async () => {
    const first = await testSandbox()
    await first.sandbox.close()
    writeFileSync(join(first.dataDir, 'sandbox', 'state.json'), '{ not json')
    const second = await testSandbox({ dataDir: first.dataDir })
    expect(second.sandbox.app.id).toMatch(/^\d{15}$/)
    expect(readdirSync(join(first.dataDir, 'sandbox')).some((name) => name.startsWith('state.json.corrupt-'))).toBe(true)
    expect(existsSync(join(first.dataDir, 'sandbox', 'state.json'))).toBe(true)
  })

  it('listens on 127.0.0.1 only and serves the sandbox env block', async () => {
    const { sandbox, graph } = await testSandbox()
    expect(new URL(sandbox.url).hostname).toBe('127.0.0.1')
    const env = await graph.get<Record<string, string>>('/_sandbox/env')
    expect(env.body).toEqual(sandbox.env())
    expect(Object.keys(env.body).sort()).toEqual(['GRAPH_API_BASE', 'PHONE_NUMBER_ID', 'VERIFY_TOKEN', 'WABA_ID', 'WHATSAPP_APP_ID', 'WHATSAPP_APP_SECRET', 'WHATSAPP_TOKEN'])
    expect(env.body.GRAPH_API_BASE).toBe(sandbox.url)
    const minted = await graph.post<{ access_token: string; expires_at: number }>('/_sandbox/tokens', { kind: 'user_long' })
    const debug = await graph.get<{ data: { type: string; is_valid: boolean } }>('/debug_token', { input_token: minted.body.access_token }, `${sandbox.app.id}|${sandbox.app.secret}`)
    expect(debug.body.data).toMatchObject({ type: 'USER', is_valid: true })
  })

  it('registers its app secret and verify token with the redactor, and Graph-shaped tokens are masked anyway', async () => {
    const redactor = new Redactor()
    const { sandbox } = await testSandbox({ redactor })
    const line = redactor.redact(`secret=${sandbox.app.secret} verify=${sandbox.verifyToken} token=${sandbox.currentToken()} app=${sandbox.issueToken('app').token}`)
    expect(line).not.toContain(sandbox.app.secret)
    expect(line).not.toContain(sandbox.verifyToken)
    expect(line).not.toContain(sandbox.currentToken())
    expect(line).not.toContain(sandbox.issueToken('app').token)
  })
})
