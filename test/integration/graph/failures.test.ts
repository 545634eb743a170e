import { afterEach, describe, expect, it } from 'vitest'
import { GraphNetworkError, GraphOutcomeUnknownError, REQUEST_ID_HEADER, type GraphClient } from '../../../src/main/core/graph'
import { closedPort, HeldClock, json, startStub, testClient, type Stub, type StubHandler } from './stub-graph'
import { fakeToken } from '../../support/secrets'

const token = fakeToken('failureTokenValue1234567890')

/** Reads the request, then never answers. */
const hang: StubHandler = () => {}
/** Reads the whole request, then drops the connection without a word. */
const dropAfterRead: StubHandler = (_request, res) => res.socket?.destroy()

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (error: unknown) => error,
  )
}

describe('Graph client without an answer', () => {
  let stub: Stub | undefined
  let client: GraphClient | undefined

  afterEach(async () => {
    await client?.close()
    await stub?.close()
    client = stub = undefined
  })

  it('a POST that times out after being sent is "outcome unknown", carries the request id it sent, and is not retried', async () => {
    stub = await startStub(hang)
    client = testClient(stub.baseUrl, { timeoutMs: 300, retry: { attempts: 5 } })

    const error = await failure(client.post('106540352242922/messages', { token, json: { to: '15550001111' } }))

    expect(error).toBeInstanceOf(GraphOutcomeUnknownError)
    const unknown = error as GraphOutcomeUnknownError
    expect(unknown).toMatchObject({ code: 'outcome_unknown', reason: 'timeout', method: 'POST' })
    expect(unknown.requestId).toBe(stub.requests[0]!.headers[REQUEST_ID_HEADER])
    expect(unknown.message).toContain(unknown.requestId)
    expect(unknown.message).toMatch(/may or may not have taken effect/)
    expect(unknown.fix).toMatch(/blind resend may deliver twice/)
    expect(stub.requests).toHaveLength(1)
  })

  it('a POST whose connection drops after it was sent is "outcome unknown" too', async () => {
    stub = await startStub(dropAfterRead)
    client = testClient(stub.baseUrl)

    const error = await failure(client.post('106540352242922/messages', { token, json: { to: '15550001111' } }))

    expect(error).toBeInstanceOf(GraphOutcomeUnknownError)
    expect(error).toMatchObject({ reason: 'connection_lost' })
    expect(stub.requests).toHaveLength(1)
  })

  it('a refused connection is a plain network error for reads and writes: nothing was sent', async () => {
    const port = await closedPort()
    client = testClient(`http://127.0.0.1:${port}`, { retry: { attempts: 2, baseDelayMs: 1 } })

    const read = await failure(client.get('me', { token }))
    expect(read).toBeInstanceOf(GraphNetworkError)
    expect(read).toMatchObject({ code: 'network', reason: 'refused' })
    expect((read as GraphNetworkError).fix).toMatch(/Check the Graph base URL/)

    const write = await failure(client.post('123/messages', { token, json: {} }))
    expect(write).toBeInstanceOf(GraphNetworkError)
    expect(write).not.toBeInstanceOf(GraphOutcomeUnknownError)
    expect(write).toMatchObject({ reason: 'refused' })
    expect((write as GraphNetworkError).message).toMatch(/nothing reached Meta/)
  })

  it('a GET that gets no answer in time fails with a timeout network error after its tries', async () => {
    stub = await startStub(hang)
    client = testClient(stub.baseUrl, { timeoutMs: 200, retry: { attempts: 2, baseDelayMs: 1 } })

    const error = await failure(client.get('me', { token }))

    expect(error).toBeInstanceOf(GraphNetworkError)
    expect(error).toMatchObject({ reason: 'timeout' })
    expect((error as GraphNetworkError).message).toMatch(/No answer within 0\.2 s/)
    expect(stub.requests).toHaveLength(2)
  })

  it('a per-call timeout overrides the client’s', async () => {
    stub = await startStub(hang)
    client = testClient(stub.baseUrl, { timeoutMs: 60_000 })

    await expect(client.get('me', { token, timeoutMs: 150, retry: false })).rejects.toMatchObject({ reason: 'timeout' })
  })

  it('close() aborts in-flight calls, and later calls are refused', async () => {
    stub = await startStub(hang)
    client = testClient(stub.baseUrl)

    const read = failure(client.get('me', { token }))
    const send = failure(client.post('123/messages', { token, json: { to: '1' } }))
    await stub.request(2)

    await client.close()

    const [readError, sendError] = await Promise.all([read, send])
    expect(readError).toBeInstanceOf(GraphNetworkError)
    expect(readError).toMatchObject({ reason: 'closed' })
    expect(sendError).toBeInstanceOf(GraphOutcomeUnknownError)
    expect(sendError).toMatchObject({ reason: 'closed' })

    await expect(client.get('me', { token })).rejects.toMatchObject({ code: 'network', reason: 'closed' })
    expect(stub.requests).toHaveLength(2)
  })

  it('close() also ends a read waiting to retry', async () => {
    stub = await startStub((_request, res) => json(res, 503, { error: { message: 'busy', code: 2, is_transient: true } }))
    const clock = new HeldClock()
    client = testClient(stub.baseUrl, { clock, retry: { attempts: 3, baseDelayMs: 60_000, maxDelayMs: 60_000 } })

    const read = failure(client.get('me', { token }))
    await clock.scheduled()
    await client.close()

    await expect(read).resolves.toMatchObject({ code: 'network', reason: 'closed' })
    expect(stub.requests).toHaveLength(1)
    expect(clock.waiting).toEqual([])
  })

  it('the caller’s signal cancels a call', async () => {
    stub = await startStub(hang)
    client = testClient(stub.baseUrl)
    const controller = new AbortController()

    const read = failure(client.get('me', { token, signal: controller.signal }))
    await stub.request(1)
    controller.abort()

    await expect(read).resolves.toMatchObject({ code: 'network', reason: 'aborted' })
    expect(stub.requests).toHaveLength(1)
  })

  it('a send cancelled while it waits for a free connection was never sent: a plain network error', async () => {
    stub = await startStub(hang)
    client = testClient(stub.baseUrl, { maxConnections: 1 })
    const controller = new AbortController()

    const first = failure(client.post('123/messages', { token, json: { to: '1' } }))
    await stub.request(1)
    const queued = failure(client.post('123/messages', { token, json: { to: '2' }, signal: controller.signal }))
    controller.abort()

    const error = await queued
    expect(error).toBeInstanceOf(GraphNetworkError)
    expect(error).toMatchObject({ reason: 'aborted' })
    await client.close()
    expect(await first).toBeInstanceOf(GraphOutcomeUnknownError)
    expect(stub.requests).toHaveLength(1)
  })

  it('an already-aborted signal sends nothing', async () => {
    stub = await startStub(hang)
    client = testClient(stub.baseUrl)

    const error = await failure(client.post('123/messages', { token, json: {}, signal: AbortSignal.abort() }))

    expect(error).toBeInstanceOf(GraphNetworkError)
    expect(error).toMatchObject({ reason: 'aborted' })
    expect(stub.requests).toHaveLength(0)
  })
})

describe('Graph client connections', () => {
  let stub: Stub | undefined
  let client: GraphClient | undefined

  afterEach(async () => {
    await client?.close()
    await stub?.close()
    client = stub = undefined
  })

  it('keeps connections alive across sequential calls', async () => {
    stub = await startStub((_request, res) => json(res, 200, { ok: true }))
    client = testClient(stub.baseUrl)

    for (let i = 0; i < 9; i++) await client.get('me', { token })
    await client.post('123/messages', { token, json: { to: '1' } })

    // undici signals a socket free again on a microtask, so a call issued the instant the previous
    // answer ends may open a second socket; after that both are reused, never one per call.
    expect(stub.requests).toHaveLength(10)
    expect(stub.connections).toBeLessThanOrEqual(2)
  })

  it('opens no more connections than configured under concurrency', async () => {
    stub = await startStub((_request, res) => json(res, 200, { ok: true }))
    client = testClient(stub.baseUrl, { maxConnections: 2 })

    await Promise.all(Array.from({ length: 10 }, () => client!.get('me', { token })))

    expect(stub.requests).toHaveLength(10)
    expect(stub.connections).toBeLessThanOrEqual(2)
  })
})
