import { createHmac, timingSafeEqual } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { GraphClient } from '../../../src/main/core/graph'
import { graphError, json, startStub, testClient, type Stub, type StubRequest } from './stub-graph'
import { fakeToken } from '../../support/secrets'

const appSecret = 'app-secret-0123456789abcdef'
const token = fakeToken('proofTokenValue1234567890')

/** What Meta does: recompute the proof from the token the request carries and compare. */
function proofIsValid(request: StubRequest, secret: string): boolean {
  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]
  const carried = bearer ?? request.url.searchParams.get('access_token')
  const proof = request.url.searchParams.get('appsecret_proof')
  if (!carried || !proof) return false
  const expected = createHmac('sha256', secret).update(carried).digest()
  const given = Buffer.from(proof, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

describe('appsecret_proof', () => {
  let stub: Stub | undefined
  let client: GraphClient | undefined

  afterEach(async () => {
    await client?.close()
    await stub?.close()
    client = stub = undefined
  })

  async function verifyingStub(secret: string): Promise<Stub> {
    return startStub((request, res) => {
      if (!request.url.searchParams.has('appsecret_proof')) return json(res, 200, { proof: 'absent' })
      if (proofIsValid(request, secret)) return json(res, 200, { proof: 'valid' })
      graphError(res, 400, { message: 'Invalid appsecret_proof provided in the API argument', code: 100 })
    })
  }

  it('adds a proof Meta accepts to every call that carries a token', async () => {
    stub = await verifyingStub(appSecret)
    client = testClient(stub.baseUrl, { appSecretProof: { appSecret } })

    await expect(client.get('me', { token })).resolves.toMatchObject({ data: { proof: 'valid' } })
    await expect(client.post('123/messages', { token, json: { x: 1 } })).resolves.toMatchObject({ data: { proof: 'valid' } })
    await expect(client.delete('123/subscribed_apps', { token })).resolves.toMatchObject({ data: { proof: 'valid' } })
    await expect(client.get('debug_token', { token: '123456|appsecretvalueabcdefgh', tokenIn: 'query' })).resolves.toMatchObject({
      data: { proof: 'valid' },
    })
    expect(stub.requests.every((request) => /^[0-9a-f]{64}$/.test(request.url.searchParams.get('appsecret_proof') ?? ''))).toBe(true)
  })

  it('sends no proof on a call without a token, or when the call turns it off', async () => {
    stub = await verifyingStub(appSecret)
    client = testClient(stub.baseUrl, { appSecretProof: { appSecret } })

    await expect(client.get('oauth/access_token', { query: { grant_type: 'client_credentials' } })).resolves.toMatchObject({ data: { proof: 'absent' } })
    await expect(client.get('me', { token, appSecretProof: false })).resolves.toMatchObject({ data: { proof: 'absent' } })
  })

  it('uses a per-call app secret over the client’s, and Meta rejects a proof made with the wrong secret', async () => {
    stub = await verifyingStub(appSecret)
    client = testClient(stub.baseUrl, { appSecretProof: { appSecret: 'some-other-app-secret-value' } })

    await expect(client.get('me', { token })).rejects.toMatchObject({ graphCode: 100, status: 400 })
    await expect(client.get('me', { token, appSecretProof: { appSecret } })).resolves.toMatchObject({ data: { proof: 'valid' } })
  })
})
