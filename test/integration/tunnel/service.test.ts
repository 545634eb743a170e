import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { NgrokForwardOptions, NgrokForwarder } from '../../../src/main/core/tunnel'
import { countingProxy, type CountingProxy } from '../../support/counting-proxy'
import { webhookHarness, type WebhookHarness } from '../../support/webhook'
import { freePort, installFakeCloudflared, processAlive, tunnelState } from './helpers'

const NGROK_AUTHTOKEN = '2abcDEFghiJKLmnoPQRstuVWX_3yzABCdefGHIjklMNO'

describe('the tunnel service', () => {
  let hooks: WebhookHarness
  const closers: (() => Promise<unknown>)[] = []

  afterEach(async () => {
    await hooks.close()
    for (const close of closers.splice(0)) await close()
  })

  async function setUp() {
    hooks = await webhookHarness()
    hooks.core.tunnel.configure({ allowHttpLoopback: true })
    return hooks.core
  }

  async function publicProxy(target: string): Promise<CountingProxy> {
    const proxy = await countingProxy(target)
    closers.push(() => proxy.close())
    return proxy
  }

  /** What ngrok would do, on loopback: a public endpoint per forward, forwarding to `addr`. */
  function loopbackNgrok() {
    const calls: NgrokForwardOptions[] = []
    const forwarder: NgrokForwarder = async (options) => {
      calls.push(options)
      const proxy = await publicProxy(options.addr)
      return { url: () => proxy.url, close: () => proxy.close() }
    }
    return { forwarder, calls }
  }

  describe('with a manual URL', () => {
    it('goes online when the URL brings Meta’s verification request to this listener, showing every step', async () => {
      const core = await setUp()
      const proxy = await publicProxy(`http://127.0.0.1:${hooks.port}`)
      const states: string[] = []
      core.events.on('tunnel.changed', (s) => {
        if (states.at(-1) !== s.state) states.push(s.state)
      })
      const status = await core.call('tunnel.start', { provider: 'manual', url: proxy.url })
      expect(status).toMatchObject({ provider: 'manual', state: 'online', publicUrl: proxy.url, webhookUrl: `${proxy.url}/webhook`, error: null })
      expect(states).toEqual(['starting', 'online'])
      expect(status.selfTest).toMatchObject({ ok: true, status: 200, echoed: true, reachedListener: true })
      expect(status.selfTest!.url).toContain('hub.verify_token=[redacted]')
      expect(JSON.stringify(status)).not.toContain(hooks.verifyToken)
      expect(proxy.count(/^GET \/webhook$/)).toBe(1)
      expect((await core.call('webhook.requests', { limit: 5, verdict: 'verified' })).items).toHaveLength(1)
      expect(status.saved).toEqual({ provider: 'manual', url: proxy.url, domain: null })

      const again = await core.call('tunnel.selfTest')
      expect(again).toMatchObject({ ok: true, reachedListener: true })
      expect(proxy.count(/^GET \/webhook$/)).toBe(2)
    })

    it('fails with the reason when nothing answers at the URL', async () => {
      const core = await setUp()
      const closed = await freePort()
      const status = await core.call('tunnel.start', { provider: 'manual', url: `http://127.0.0.1:${closed}` })
      expect(status.state).toBe('error')
      expect(status.error).toBe(`http://127.0.0.1:${closed} did not pass the check: No answer: nothing listens at 127.0.0.1:${closed} (connection refused)`)
      expect(status.fix).toContain(`http://127.0.0.1:${hooks.port}/webhook`)
      expect(status.selfTest).toMatchObject({ ok: false, status: null })
      await expect(core.call('registration.register', {})).rejects.toMatchObject({ code: 'tunnel_unavailable' })
    })

    it('fails when something else answers at the URL', async () => {
      const core = await setUp()
      const other: Server = createServer((_request, response) => response.end('hello'))
      await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
      closers.push(() => new Promise((resolve) => other.close(resolve)))
      const status = await core.call('tunnel.start', { provider: 'manual', url: `http://127.0.0.1:${(other.address() as AddressInfo).port}` })
      expect(status.state).toBe('error')
      expect(status.error).toMatch(/HTTP 200, but the answer was "hello" instead of the challenge/)
    })

    it('takes https only for a production profile unless the host allows loopback http', async () => {
      hooks = await webhookHarness()
      await expect(hooks.core.call('tunnel.start', { provider: 'manual', url: `http://127.0.0.1:${hooks.port}` })).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(/only to https/) as string,
      })
      await expect(hooks.core.call('tunnel.start', { provider: 'manual' })).rejects.toMatchObject({ code: 'invalid_input' })
      expect(hooks.core.tunnel.status().state).toBe('off')
    })
  })

  describe('with ngrok', () => {
    it('uses the authtoken from the keychain, self-tests through the endpoint, and never shows the token', async () => {
      const core = await setUp()
      const ngrok = loopbackNgrok()
      core.tunnel.configure({ ngrokForwarder: ngrok.forwarder })
      await core.vault.save(core.profiles.active()!.id, { ngrokAuthtoken: NGROK_AUTHTOKEN })
      const status = await core.call('tunnel.start', { provider: 'ngrok', domain: 'switchboard.ngrok.app' })
      expect(status).toMatchObject({ provider: 'ngrok', state: 'online' })
      expect(ngrok.calls[0]).toMatchObject({ addr: `http://127.0.0.1:${hooks.port}`, authtoken: NGROK_AUTHTOKEN, domain: 'switchboard.ngrok.app' })
      await core.tunnel.whenIdle()
      const tested = core.tunnel.status()
      expect(tested.selfTest).toMatchObject({ ok: true, reachedListener: true })
      expect(JSON.stringify(tested)).not.toContain(NGROK_AUTHTOKEN)
      expect(tested.saved).toEqual({ provider: 'ngrok', url: null, domain: 'switchboard.ngrok.app' })
    })

    it('falls back to NGROK_AUTHTOKEN from the environment, and says what to do when there is none', async () => {
      const core = await setUp()
      const ngrok = loopbackNgrok()
      core.tunnel.configure({ ngrokForwarder: ngrok.forwarder, env: {} })
      const none = await core.call('tunnel.start', { provider: 'ngrok' })
      expect(none).toMatchObject({ state: 'error', error: 'No ngrok authtoken is set for this profile' })
      core.tunnel.configure({ env: { NGROK_AUTHTOKEN } })
      expect((await core.call('tunnel.start', { provider: 'ngrok' })).state).toBe('online')
      expect(ngrok.calls.map((call) => call.authtoken)).toEqual([NGROK_AUTHTOKEN])
    })

    it('follows the listener to a new port', async () => {
      const core = await setUp()
      const ngrok = loopbackNgrok()
      core.tunnel.configure({ ngrokForwarder: ngrok.forwarder, env: { NGROK_AUTHTOKEN } })
      await core.call('tunnel.start', { provider: 'ngrok' })
      const moved = await core.call('webhook.restart', { port: 0 })
      const online = await tunnelState(core, (s) => s.state === 'online' && ngrok.calls.length === 2)
      expect(ngrok.calls[1]!.addr).toBe(`http://127.0.0.1:${moved.port}`)
      await core.tunnel.whenIdle()
      expect(core.tunnel.status().selfTest).toMatchObject({ ok: true })
      expect(online.publicUrl).not.toBeNull()
    })
  })

  describe('with cloudflared', () => {
    it('runs the configured binary, shows its log lines, and stops it', async () => {
      const core = await setUp()
      const fake = installFakeCloudflared()
      // The quick tunnel URL is a real hostname: no self-test, these tests stay on loopback.
      core.tunnel.configure({ cloudflaredPath: fake.binary, env: fake.env('ok'), autoSelfTest: false })
      const status = await core.call('tunnel.start', { provider: 'cloudflared' })
      expect(status).toMatchObject({ provider: 'cloudflared', state: 'online', selfTest: null })
      expect(status.webhookUrl).toMatch(/^https:\/\/quiet-river-bench-0-\d+\.trycloudflare\.com\/webhook$/)
      expect(status.logs.some((line) => /INF Registered tunnel connection/.test(line))).toBe(true)
      expect(fake.runs()[0]!.args.at(-1)).toBe(`http://127.0.0.1:${hooks.port}`)
      const stopped = await core.call('tunnel.stop')
      expect(stopped).toMatchObject({ state: 'off', provider: null, publicUrl: null })
      expect(processAlive(fake.runs()[0]!.pid)).toBe(false)
    })
  })

  it('refuses to self-test or register while no tunnel is online', async () => {
    const core = await setUp()
    await expect(core.call('tunnel.selfTest')).rejects.toMatchObject({ code: 'tunnel_unavailable' })
    await expect(core.call('registration.register', { mode: 'phone_number' })).rejects.toMatchObject({ code: 'tunnel_unavailable' })
    expect(await core.call('tunnel.status')).toMatchObject({ state: 'off', provider: null, registrations: [], autoReregister: true })
  })
})
