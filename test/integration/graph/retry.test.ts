import { afterEach, describe, expect, it } from 'vitest'
import { GraphError, type GraphClient } from '../../../src/main/core/graph'
import { graphError, HeldClock, json, RecordingClock, startStub, testClient, type Stub, type StubHandler } from './stub-graph'
import { fakeToken } from '../../support/secrets'

const token = fakeToken('retryTokenValue1234567890')

/** Answers the n-th request with the n-th handler (the last one repeats). */
function inOrder(...handlers: StubHandler[]): StubHandler {
  let calls = 0
  return (request, res, raw) => handlers[Math.min(calls++, handlers.length - 1)]!(request, res, raw)
}

const unavailable: StubHandler = (_request, res) =>
  graphError(res, 503, { message: 'Service temporarily unavailable', code: 2, is_transient: true })
const ok: StubHandler = (_request, res) => json(res, 200, { ok: true })
const drop: StubHandler = (_request, res) => res.socket?.destroy()

describe('Graph client retries', () => {
  let stub: Stub | undefined
  let client: GraphClient | undefined

  afterEach(async () => {
    await client?.close()
    await stub?.close()
    client = stub = undefined
  })

  it('retries a GET on 503 with growing, jittered backoff, and succeeds', async () => {
    stub = await startStub(inOrder(unavailable, unavailable, ok))
    const clock = new RecordingClock()
    client = testClient(stub.baseUrl, { clock, retry: { attempts: 4, baseDelayMs: 100, maxDelayMs: 10_000 } })

    const result = await client.get('me', { token })

    expect(result.data).toEqual({ ok: true })
    expect(result.attempts).toBe(3)
    expect(stub.requests).toHaveLength(3)
    expect(clock.delays).toHaveLength(2)
    const [first, second] = clock.delays as [number, number]
    expect(first).toBeGreaterThanOrEqual(50)
    expect(first).toBeLessThanOrEqual(100)
    expect(second).toBeGreaterThanOrEqual(100)
    expect(second).toBeLessThanOrEqual(200)
  })

  it('waits on the clock between tries: nothing is re-sent until the backoff elapses', async () => {
    stub = await startStub(inOrder(unavailable, ok))
    const clock = new HeldClock()
    client = testClient(stub.baseUrl, { clock, retry: { attempts: 2, baseDelayMs: 1_000 } })

    const pending = client.get('me', { token })
    await clock.scheduled()
    expect(stub.requests).toHaveLength(1)
    expect(clock.waiting[0]).toBeGreaterThanOrEqual(500)

    clock.releaseAll()
    await expect(pending).resolves.toMatchObject({ data: { ok: true }, attempts: 2 })
    expect(stub.requests).toHaveLength(2)
  })

  it('retries a GET whose connection was reset before an answer', async () => {
    stub = await startStub(inOrder(drop, ok))
    client = testClient(stub.baseUrl)

    await expect(client.get('me', { token })).resolves.toMatchObject({ data: { ok: true }, attempts: 2 })
    expect(stub.requests).toHaveLength(2)
  })

  it('retries an HTML 502 from a proxy', async () => {
    stub = await startStub(
      inOrder((_request, res) => {
        res.writeHead(502, { 'content-type': 'text/html' })
        res.end('<html><title>Bad Gateway</title></html>')
      }, ok),
    )
    client = testClient(stub.baseUrl)

    await expect(client.get('me', { token })).resolves.toMatchObject({ attempts: 2 })
  })

  it('gives up after the last attempt with the last error', async () => {
    stub = await startStub(unavailable)
    client = testClient(stub.baseUrl, { retry: { attempts: 3 } })

    const error = (await client.get('me', { token }).catch((e: unknown) => e)) as GraphError
    expect(error).toBeInstanceOf(GraphError)
    expect(error).toMatchObject({ status: 503, graphCode: 2, transient: true })
    expect(stub.requests).toHaveLength(3)
  })

  it.each([
    ['an expired token (190)', 401, { message: 'Error validating access token: Session has expired', code: 190, error_subcode: 463 }],
    ['a bad parameter (100)', 400, { message: 'Invalid parameter', code: 100 }],
    ['a rate limit, even flagged transient (4)', 429, { message: 'Application request limit reached', code: 4, is_transient: true }],
    ['a permission error on a 500 (3)', 500, { message: 'Capability or permissions issue', code: 3 }],
    ['a 5xx that says it is not transient', 500, { message: 'Something permanent', code: 12345, is_transient: false }],
  ])('does not retry a GET on %s', async (_label, status, error) => {
    stub = await startStub((_request, res) => graphError(res, status, error))
    client = testClient(stub.baseUrl, { retry: { attempts: 5 } })

    await expect(client.get('me', { token })).rejects.toBeInstanceOf(GraphError)
    expect(stub.requests).toHaveLength(1)
  })

  it('honours Retry-After up to the maximum delay', async () => {
    stub = await startStub(inOrder((_request, res) => json(res, 503, { error: { message: 'busy', code: 2 } }, { 'retry-after': '3' }), ok))
    const clock = new RecordingClock()
    client = testClient(stub.baseUrl, { clock, retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 2_000 } })

    await client.get('me', { token })

    expect(clock.delays).toEqual([2_000])
  })

  it('never retries a POST or a DELETE, whatever the answer', async () => {
    stub = await startStub(unavailable)
    client = testClient(stub.baseUrl, { retry: { attempts: 5 } })

    await expect(client.post('123/messages', { token, json: { to: '1' } })).rejects.toMatchObject({ status: 503, transient: true })
    await expect(client.delete('123/subscribed_apps', { token })).rejects.toMatchObject({ status: 503 })
    expect(stub.requests.map((request) => request.method)).toEqual(['POST', 'DELETE'])
  })

  it('lets one read turn retries off', async () => {
    stub = await startStub(unavailable)
    client = testClient(stub.baseUrl, { retry: { attempts: 5 } })

    await expect(client.get('me', { token, retry: false })).rejects.toMatchObject({ status: 503 })
    expect(stub.requests).toHaveLength(1)
  })
})
