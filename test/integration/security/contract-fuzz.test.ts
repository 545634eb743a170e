import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { callNames, calls, type CallName } from '@shared/contract'
import { startBrowserServer, type BrowserServer } from '../../../src/main/bridge'
import type { CoreServices } from '../../../src/main/core'
import { bindContract } from '../../../src/main/ipc'
import { testCore } from '../../support/core'
import { fakeEvent, FakeIpcMain } from '../../support/fake-ipc'
import { tempDir } from '../../support/temp'
import { openSocket, SocketClient } from '../../support/ws-client'

/** How many invalid inputs each call receives per transport (more under `npm run test:stress`). */
const RUNS = Number(process.env.SWITCHBOARD_FUZZ_RUNS ?? 40)

/** What the WebSocket delivers of a value: JSON drops `undefined` members. */
const overJson = (value: unknown): unknown => (value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown))

/** Anything JSON can carry (and a few things IPC can), minus what the call's schema accepts. */
function invalidInputs(name: CallName, transport: 'ipc' | 'json') {
  const schema = calls[name].input
  const values = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.object({ maxDepth: 3 }),
    fc.constantFrom(null, undefined, 0, -1, '', 'x'.repeat(5000), [], {}, { id: 12 }, { profileId: '' }, { __proto__: { polluted: true } }),
    fc.dictionary(fc.constantFrom('id', 'name', 'limit', 'to', 'message', 'contact', 'query', 'path', 'days', 'port', 'extra'), fc.jsonValue({ maxDepth: 2 })),
  )
  return values.filter((value) => !schema.safeParse(transport === 'json' ? overJson(value) : value).success)
}

describe('contract fuzzing: invalid inputs get typed errors and never reach a handler', () => {
  let core: CoreServices
  let server: BrowserServer
  const spies = new Map<string, ReturnType<typeof vi.spyOn>>()

  beforeAll(async () => {
    core = await testCore()
    for (const name of callNames) spies.set(name, vi.spyOn(core.handlers, name))
    server = await startBrowserServer({ port: 0, rendererDir: tempDir(), core })
  })
  afterAll(async () => {
    await server.close()
    await core.close()
  })

  it.each(callNames)('%s through the IPC binding', async (name) => {
    const ipc = new FakeIpcMain()
    bindContract(ipc, core.dispatch, () => true)
    await fc.assert(
      fc.asyncProperty(invalidInputs(name, 'ipc'), async (input) => {
        const result = (await ipc.invoke(name, fakeEvent(), input)) as { ok: boolean; error?: { code: string; message: string } }
        expect(result.ok).toBe(false)
        expect(result.error?.code).toBe('invalid_input')
        expect(result.error?.message).not.toMatch(/\n\s+at /)
      }),
      { numRuns: RUNS },
    )
    expect(spies.get(name)).not.toHaveBeenCalled()
  })

  it.each(callNames)('%s through the WebSocket bridge', async (name) => {
    const attempt = await openSocket(server.port, { token: server.token })
    const client = new SocketClient(attempt.socket!)
    await fc.assert(
      fc.asyncProperty(invalidInputs(name, 'json'), async (input) => {
        const result = (await client.call(name, input)) as { ok: boolean; error?: { code: string } }
        expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      }),
      { numRuns: RUNS },
    )
    attempt.socket!.close()
    expect(spies.get(name)).not.toHaveBeenCalled()
  })

  it('garbage frames and unknown calls over the socket get typed errors and the socket survives', async () => {
    const attempt = await openSocket(server.port, { token: server.token })
    const client = new SocketClient(attempt.socket!)
    let sent = 0
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v))), (frame) => {
        client.sendRaw(frame)
        sent++
      }),
      { numRuns: RUNS * 2 },
    )
    // Every frame that is not a well-formed call is answered with a typed error, in order.
    await client.waitFor(() => client.messages.filter((m) => m.type === 'error').length === sent)
    expect(client.messages.every((m) => m.type !== 'error' || (!m.envelope.ok && m.envelope.error.code === 'invalid_input'))).toBe(true)
    expect(await client.call('no.suchThing', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } })
    expect(await client.call('app.info')).toMatchObject({ ok: true })
    attempt.socket!.close()
  })
})
