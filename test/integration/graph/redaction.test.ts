import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger, Redactor } from '../../../src/main/core'
import { appSecretProof, GraphError, type GraphClient } from '../../../src/main/core/graph'
import { graphError, json, RecordingClock, startStub, testClient, type Stub } from './stub-graph'
import { fakeToken } from '../../support/secrets'

// Shapes the redactor cannot recognise on its own: only registering them keeps them out of logs.
const token = 'sandbox-token-7f3a9c2e5b1d4f60'
const appSecret = 'sandbox-app-secret-91c4e7a2'
const freshToken = fakeToken('freshlyExchangedToken0987654321')
const proof = appSecretProof(token, appSecret)
const secrets = [token, appSecret, proof, freshToken]

function leaked(text: string): string[] {
  return secrets.filter((secret) => text.includes(secret))
}

describe('Graph client redaction', () => {
  let stub: Stub | undefined
  let client: GraphClient | undefined
  let logDir: string | undefined

  afterEach(async () => {
    await client?.close()
    await stub?.close()
    if (logDir) rmSync(logDir, { recursive: true, force: true })
    client = stub = logDir = undefined
  })

  it('keeps tokens, the app secret and the proof out of exchange records, error messages and the log', async () => {
    let flakyCalls = 0
    stub = await startStub((request, res) => {
      if (request.url.pathname.endsWith('/oauth/access_token')) return json(res, 200, { access_token: freshToken, token_type: 'bearer', expires_in: 5183944 })
      if (request.url.pathname.endsWith('/flaky') && flakyCalls++ === 0) return graphError(res, 503, { message: `try again ${token}`, code: 2, is_transient: true })
      if (request.url.pathname.endsWith('/flaky')) return json(res, 200, { ok: true })
      // Meta echoes a malformed token back in its message.
      graphError(res, 400, {
        message: `Invalid OAuth access token - Cannot parse access token: ${token} (proof ${proof})`,
        code: 190,
        error_data: { details: `secret ${appSecret} rejected` },
      })
    })
    logDir = mkdtempSync(join(tmpdir(), 'switchboard-graph-log-'))
    const redactor = new Redactor()
    const log = createLogger({ redactor, dir: logDir, minLevel: 'debug' })
    client = testClient(stub.baseUrl, { redactor, log, clock: new RecordingClock(), appSecretProof: { appSecret } })

    const exchanged = await client.get('oauth/access_token', {
      token,
      tokenIn: 'query',
      query: { grant_type: 'fb_exchange_token', client_secret: appSecret, fb_exchange_token: token },
      exchange: true,
    })
    // The caller gets the real token; the record shows none of the secrets.
    expect(exchanged.data).toMatchObject({ access_token: freshToken })
    const record = JSON.stringify(exchanged.exchange)
    expect(leaked(record)).toEqual([])
    expect(exchanged.exchange!.url).toContain('client_secret=[redacted]')
    expect(exchanged.exchange!.url).toContain('access_token=[redacted]')
    expect(exchanged.exchange!.url).toContain('appsecret_proof=[redacted]')
    expect(exchanged.exchange!.url).toContain('grant_type=fb_exchange_token')
    expect(exchanged.exchange!.responseBody).toContain('"access_token":"[redacted]"')

    const sent = await client.post('123/messages', { token, form: { to: '1555', pin: '123456', client_secret: appSecret }, exchange: true }).catch((e: unknown) => e)
    expect(sent).toBeInstanceOf(GraphError)
    const error = sent as GraphError
    expect(leaked(error.message)).toEqual([])
    expect(leaked(JSON.stringify(error.toJSON()))).toEqual([])
    expect(leaked(JSON.stringify(error.exchange))).toEqual([])
    expect(error.details).not.toContain(appSecret)
    expect(error.exchange!.requestHeaders.authorization).toBe('Bearer sa…60')
    expect(error.exchange!.requestBody).toBe('to=1555&pin=[redacted]&client_secret=[redacted]')

    await client.get('flaky', { token })

    const lines = readFileSync(join(logDir, 'switchboard.log'), 'utf8')
    expect(lines).toMatch(/graph call failed/)
    expect(lines).toMatch(/retrying/)
    expect(leaked(lines)).toEqual([])
  })
})
