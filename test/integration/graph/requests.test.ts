import { afterEach, describe, expect, it } from 'vitest'
import { REQUEST_ID_HEADER, type GraphClient } from '../../../src/main/core/graph'
import { json, startStub, testClient, type Stub } from './stub-graph'
import { fakeToken } from '../../support/secrets'

const token = fakeToken('testtokenvalue1234567890abcd')

describe('Graph client requests', () => {
  let stub: Stub | undefined
  let client: GraphClient | undefined

  afterEach(async () => {
    await client?.close()
    await stub?.close()
    client = stub = undefined
  })

  it('GETs a versioned path with the bearer token and returns the parsed JSON', async () => {
    stub = await startStub((request, res) => json(res, 200, { id: '1234', name: 'Test WABA', echo: request.url.searchParams.get('fields') }))
    client = testClient(stub.baseUrl)

    const result = await client.get('/1234', { token, query: { fields: ['id', 'name'], limit: 5, summary: true, skipped: undefined } })

    expect(result.data).toEqual({ id: '1234', name: 'Test WABA', echo: 'id,name' })
    expect(result.status).toBe(200)
    expect(result.attempts).toBe(1)
    const seen = stub.requests[0]!
    expect(seen.method).toBe('GET')
    expect(seen.url.pathname).toBe('/v25.0/1234')
    expect(Object.fromEntries(seen.url.searchParams)).toEqual({ fields: 'id,name', limit: '5', summary: 'true' })
    expect(seen.headers.authorization).toBe(`Bearer ${token}`)
    expect(seen.headers.accept).toBe('application/json')
    expect(seen.headers[REQUEST_ID_HEADER]).toBe(result.requestId)
    expect(result.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
  })

  it('uses the configured API version and a base URL with a path prefix', async () => {
    stub = await startStub((_request, res) => json(res, 200, { ok: true }))
    client = testClient(`${stub.baseUrl}/graph/`, { version: 'v23.0' })

    await client.get('me', { token })

    expect(stub.requests[0]!.url.pathname).toBe('/graph/v23.0/me')
    expect(client.version).toBe('v23.0')
    expect(client.baseUrl).toBe(`${stub.baseUrl}/graph`)
  })

  it('POSTs JSON and form bodies, and DELETEs', async () => {
    stub = await startStub((request, res) => json(res, 200, { method: request.method, type: request.headers['content-type'], body: request.body }))
    client = testClient(stub.baseUrl)

    const message = { messaging_product: 'whatsapp', to: '15550001111', type: 'text', text: { body: 'héllo' } }
    const sent = await client.post('106540352242922/messages', { token, json: message })
    expect(sent.data).toMatchObject({ method: 'POST', type: 'application/json' })
    expect(JSON.parse((sent.data as { body: string }).body)).toEqual(message)

    const form = await client.post('oauth/access_token', { form: { grant_type: 'fb_exchange_token', set_token_expires_in_60_days: true } })
    expect(form.data).toMatchObject({
      type: 'application/x-www-form-urlencoded',
      body: 'grant_type=fb_exchange_token&set_token_expires_in_60_days=true',
    })

    const removed = await client.delete('106540352242922/subscribed_apps', { token })
    expect(removed.data).toMatchObject({ method: 'DELETE', body: '' })
  })

  it('puts the token in access_token when asked (debug_token takes the app token there)', async () => {
    stub = await startStub((_request, res) => json(res, 200, { data: { is_valid: true } }))
    client = testClient(stub.baseUrl)
    const appToken = '1234567890|appsecretvalue_abcdefgh'

    await client.get('debug_token', { token: appToken, tokenIn: 'query', query: { input_token: token } })

    const seen = stub.requests[0]!
    expect(seen.url.searchParams.get('access_token')).toBe(appToken)
    expect(seen.url.searchParams.get('input_token')).toBe(token)
    expect(seen.headers.authorization).toBeUndefined()
  })

  it('answers an empty 2xx body with null data', async () => {
    stub = await startStub((_request, res) => {
      res.writeHead(204)
      res.end()
    })
    client = testClient(stub.baseUrl)

    await expect(client.delete('123/something', { token })).resolves.toMatchObject({ data: null, status: 204 })
  })

  it('returns the exchange record only when asked', async () => {
    stub = await startStub((_request, res) => json(res, 200, { success: true }, { 'x-fb-trace-id': 'TraceFromHeader1' }))
    client = testClient(stub.baseUrl)

    const plain = await client.get('me', { token })
    expect(plain.exchange).toBeUndefined()
    expect(plain.fbtraceId).toBe('TraceFromHeader1')

    const recorded = await client.post('me/things', { token, json: { a: 1 }, exchange: true })
    expect(recorded.exchange).toMatchObject({
      requestId: recorded.requestId,
      method: 'POST',
      url: `${stub.baseUrl}/v25.0/me/things`,
      requestBody: '{"a":1}',
      status: 200,
      responseBody: '{"success":true}',
      fbtraceId: 'TraceFromHeader1',
      attempts: 1,
    })
    expect(recorded.exchange!.responseHeaders['x-fb-trace-id']).toBe('TraceFromHeader1')
    expect(recorded.exchange!.durationMs).toBeGreaterThanOrEqual(0)
  })

  it('refuses paths that would leave the Graph origin or repeat the version', async () => {
    stub = await startStub((_request, res) => json(res, 200, {}))
    client = testClient(stub.baseUrl)

    await expect(client.get('https://evil.example/v25.0/me', { token })).rejects.toThrow(/only talks to/)
    await expect(client.get('/v25.0/me', { token })).rejects.toThrow(/do not include the version/)
    await expect(client.get('../../etc/passwd', { token })).rejects.toThrow(/Not a Graph path/)
    await expect(client.get('me?access_token=x', { token })).rejects.toThrow(/Not a Graph path/)
    expect(stub.requests).toHaveLength(0)
  })

  it('follows a same-origin paging link as given', async () => {
    stub = await startStub((request, res) => json(res, 200, { after: request.url.searchParams.get('after') }))
    client = testClient(stub.baseUrl)

    const page = await client.get(`${stub.baseUrl}/v25.0/1234/phone_numbers?after=QVFI`, { token })

    expect(page.data).toEqual({ after: 'QVFI' })
    expect(stub.requests[0]!.url.pathname).toBe('/v25.0/1234/phone_numbers')
  })
})
