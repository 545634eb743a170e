import { createServer, request, type OutgoingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { Redactor } from '../../../src/main/core'
import { CONTROL_KEY_HEADER } from '../../../src/main/core/sandbox'
import type { GraphErrorResult } from './helpers/graph-client'
import { closeAfterEach, receiver, testSandbox } from './helpers/sandbox-fixture'

closeAfterEach()

interface RawAnswer {
  status: number
  text: string
}

/** One request with exactly these headers, no Host unless given (fetch would not let a test choose Host or Origin). */
function raw(baseUrl: string, method: string, path: string, headers: OutgoingHttpHeaders, body?: string): Promise<RawAnswer> {
  const url = new URL(baseUrl)
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, setHost: false, headers: { ...(body === undefined ? {} : { 'content-length': Buffer.byteLength(body) }), ...headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** A server on 127.0.0.1 that answers every request with this status, reason phrase and body. */
async function answering(status: number, reason: string, body: string): Promise<{ url: string; close(): void }> {
  const server = createServer((_req, res) => res.writeHead(status, reason).end(body))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`, close: () => server.close() }
}

describe('the sandbox on loopback', () => {
  it('opens its controls only with this run’s key, and a refused call changes nothing', async () => {
    const { sandbox } = await testSandbox()
    const other = await testSandbox()
    const host = new URL(sandbox.url).host
    const form = { host, 'content-type': 'application/x-www-form-urlencoded' }

    for (const headers of [{ host }, { host, [CONTROL_KEY_HEADER]: 'guessed' }, { host, [CONTROL_KEY_HEADER]: other.sandbox.controlKey }]) {
      for (const path of ['/_sandbox/env', '/v25.0/_sandbox/env']) {
        const env = await raw(sandbox.url, 'GET', path, headers)
        expect(env.status).toBe(403)
        expect(env.text).not.toContain(sandbox.app.secret)
        expect(env.text).not.toContain(sandbox.currentToken())
      }
      expect((await raw(sandbox.url, 'POST', '/_sandbox/app', { ...headers, ...form }, 'require_app_secret=true')).status).toBe(403)
      const minted = await raw(sandbox.url, 'POST', '/_sandbox/tokens', { ...headers, ...form }, 'kind=system_user_never')
      expect(minted.status).toBe(403)
      expect(minted.text).not.toContain('access_token')
    }
    expect(sandbox.requireAppSecret).toBe(false)

    const withKey = await raw(sandbox.url, 'GET', '/_sandbox/env', { host, [CONTROL_KEY_HEADER]: sandbox.controlKey })
    expect(withKey.status).toBe(200)
    expect(JSON.parse(withKey.text)).toEqual(sandbox.env())
    expect(other.sandbox.controlKey).not.toBe(sandbox.controlKey)
  })

  it('answers no web page: a foreign Host, an Origin or a fetch from a page is refused before the request is read', async () => {
    const { sandbox } = await testSandbox()
    const port = new URL(sandbox.url).port
    const appToken = `${sandbox.app.id}|${sandbox.app.secret}`
    const debugPath = `/v25.0/debug_token?input_token=${sandbox.currentToken()}&access_token=${encodeURIComponent(appToken)}`
    const control = { [CONTROL_KEY_HEADER]: sandbox.controlKey }

    // DNS rebinding: the page's own name arrives as Host.
    for (const host of [`rebound.example:${port}`, `127.0.0.1.nip.io:${port}`, `[::1]:${port}`]) {
      const answer = await raw(sandbox.url, 'GET', debugPath, { host })
      expect({ host, status: answer.status }).toEqual({ host, status: 403 })
      expect(answer.text).not.toContain('is_valid')
    }
    expect((await raw(sandbox.url, 'GET', debugPath, {})).status).toBe(400)
    // CSRF and reads from a page: browsers send Origin or Sec-Fetch-Site, servers (and Meta's clients) never do.
    for (const browser of [{ origin: 'http://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }]) {
      const answer = await raw(sandbox.url, 'GET', debugPath, { host: `127.0.0.1:${port}`, ...browser })
      expect(answer.status).toBe(403)
      expect(answer.text).not.toContain('is_valid')
      const flipped = await raw(sandbox.url, 'POST', '/_sandbox/app', { host: `127.0.0.1:${port}`, 'content-type': 'application/x-www-form-urlencoded', ...control, ...browser }, 'require_app_secret=true')
      expect(flipped.status).toBe(403)
    }
    expect(sandbox.requireAppSecret).toBe(false)

    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      expect((await raw(sandbox.url, 'GET', debugPath, { host })).status).toBe(200)
    }
    // A person typing the URL into a browser's address bar is not a page.
    expect((await raw(sandbox.url, 'GET', debugPath, { host: `127.0.0.1:${port}`, 'sec-fetch-site': 'none' })).status).toBe(200)
  })

  it('calls back only this machine or the allowed tunnel, and never repeats what a callback answered', async () => {
    const allowed: string[] = []
    const fixture = await testSandbox({
      allowCallback: (url) => {
        allowed.push(url.href)
        return url.origin === 'https://tunnel-host.invalid'
      },
    })
    const { sandbox, graph, token } = fixture
    const appToken = `${sandbox.app.id}|${sandbox.app.secret}`
    const phone = sandbox.phoneNumbers[0]!.id
    const subscribe = (callback: string) =>
      graph.post<GraphErrorResult>(`/${sandbox.app.id}/subscriptions`, { object: 'whatsapp_business_account', callback_url: callback, verify_token: 'v', fields: 'messages' }, appToken, { form: true })
    const override = (callback: string) => graph.post<GraphErrorResult>(`/${phone}`, { webhook_configuration: { override_callback_uri: callback, verify_token: 'v' } }, token)

    for (const target of ['http://internal-service.invalid/admin', 'https://tunnel-host.invalid:8443/webhook', 'http://tunnel-host.invalid/webhook', 'http://0.0.0.0:9/', 'http://[::ffff:7f00:1]:9/']) {
      for (const register of [subscribe, override]) {
        const refused = await register(target)
        expect(refused.status).toBe(400)
        expect(refused.body.error.code).toBe(2200)
        expect(refused.body.error.message).toContain('calls back only this machine (127.0.0.1, ::1, localhost) and the running tunnel')
      }
    }
    expect((await graph.post<GraphErrorResult>(`/${sandbox.wabaId}/subscribed_apps`, {}, token)).body).toEqual({ success: true })
    const waba = await graph.post<GraphErrorResult>(`/${sandbox.wabaId}/subscribed_apps`, { override_callback_uri: 'http://internal-service.invalid/', verify_token: 'v' }, token)
    expect(waba.body.error.message).toContain('calls back only this machine')

    // The tunnel's own origin is tried (and fails here only because the name does not resolve).
    const tunnel = await override('https://tunnel-host.invalid/webhook')
    expect(tunnel.body.error.message).toContain('curl_errno = 6; curl_error = Could not resolve host: tunnel-host.invalid')
    expect(allowed).toContain('https://tunnel-host.invalid/webhook')

    const talkative = await answering(200, 'OK', 'db-password=hunter2')
    const refusing = await answering(403, 'Forbidden db-password=hunter2', 'db-password=hunter2')
    try {
      for (const target of [talkative.url, refusing.url]) {
        const failed = await subscribe(target)
        expect(failed.body.error.code).toBe(2200)
        expect(failed.body.error.message).not.toContain('hunter2')
      }
      expect((await subscribe(refusing.url)).body.error.message).toContain('HTTP Status Code = 403; HTTP Message = Forbidden')
    } finally {
      talkative.close()
      refusing.close()
    }
    const echo = await receiver('v')
    expect((await subscribe(echo.url)).body).toEqual({ success: true })
  })

  it('masks its control key in logs', async () => {
    const redactor = new Redactor()
    const { sandbox } = await testSandbox({ redactor })
    expect(redactor.redact(`key=${sandbox.controlKey}`)).not.toContain(sandbox.controlKey)
  })
})
