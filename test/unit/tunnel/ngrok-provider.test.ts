import { describe, expect, it } from 'vitest'
import { Redactor } from '../../../src/main/core'
import { NgrokProvider, ngrokLibraryForwarder, type NgrokForwardOptions, type NgrokForwarder } from '../../../src/main/core/tunnel'

const AUTHTOKEN = '2abcDEFghiJKLmnoPQRstuVWX_3yzABCdefGHIjklMNO'

/** A stand-in for `ngrok.forward`: records what it was asked and hands back a session. */
function fakeForwarder(url = 'https://fancy-otter.ngrok-free.app') {
  const calls: NgrokForwardOptions[] = []
  let closed = 0
  const forwarder: NgrokForwarder = (options) => {
    calls.push(options)
    return Promise.resolve({ url: () => url, close: () => Promise.resolve(void closed++) })
  }
  return { forwarder, calls, closed: () => closed }
}

const provider = (forwarder: NgrokForwarder, options: { authtoken?: string | null; domain?: string } = {}) =>
  new NgrokProvider({
    addr: 'http://127.0.0.1:4871',
    authtoken: options.authtoken === null ? undefined : (options.authtoken ?? AUTHTOKEN),
    forwarder,
    redactor: new Redactor(),
    ...(options.domain ? { domain: options.domain } : {}),
  })

describe('the ngrok provider', () => {
  it('forwards the listener with the authtoken and the reserved domain, and goes online at ngrok’s URL', async () => {
    const fake = fakeForwarder('https://switchboard.ngrok.app')
    const ngrok = provider(fake.forwarder, { domain: 'switchboard.ngrok.app' })
    const phases: string[] = []
    ngrok.onChange((s) => phases.push(s.phase))
    const settled = await ngrok.start()
    expect(settled).toMatchObject({ phase: 'online', url: 'https://switchboard.ngrok.app', error: null })
    expect(fake.calls[0]).toMatchObject({ addr: 'http://127.0.0.1:4871', authtoken: AUTHTOKEN, domain: 'switchboard.ngrok.app' })
    expect(phases).toEqual(expect.arrayContaining(['starting', 'online']))
    await ngrok.stop()
    expect(fake.closed()).toBe(1)
    expect(ngrok.snapshot().phase).toBe('off')
  })

  it('follows the session: lost → starting, back → online', async () => {
    const fake = fakeForwarder()
    const ngrok = provider(fake.forwarder)
    await ngrok.start()
    fake.calls[0]!.onStatusChange('closed')
    expect(ngrok.snapshot().phase).toBe('starting')
    fake.calls[0]!.onStatusChange('connected')
    expect(ngrok.snapshot()).toMatchObject({ phase: 'online', url: 'https://fancy-otter.ngrok-free.app' })
    fake.calls[0]!.onLog('session established')
    expect(ngrok.snapshot().logs).toContain('session established')
  })

  it('fails with the way out when the profile has no authtoken, without calling ngrok', async () => {
    const fake = fakeForwarder()
    const result = await provider(fake.forwarder, { authtoken: null }).start()
    expect(result).toMatchObject({ phase: 'error', error: 'No ngrok authtoken is set for this profile' })
    expect(result.fix).toMatch(/dashboard\.ngrok\.com.*keychain/)
    expect(fake.calls).toHaveLength(0)
  })

  it('shows ngrok’s refusal with the authtoken masked', async () => {
    const refusing: NgrokForwarder = () => Promise.reject(new Error(`ERR_NGROK_105 authentication failed: The authtoken you specified does not look like a proper ngrok tunnel authtoken: ${AUTHTOKEN}`))
    const result = await provider(refusing).start()
    expect(result.phase).toBe('error')
    expect(result.error).toMatch(/ERR_NGROK_105/)
    expect(JSON.stringify(result)).not.toContain(AUTHTOKEN)
    expect(result.fix).toMatch(/authtoken/)
  })

  it('breaks only the ngrok provider, with a clear message, when the native library cannot load', async () => {
    const broken = ngrokLibraryForwarder(() => Promise.reject(new Error('Cannot find module @ngrok/ngrok-linux-x64-gnu')))
    const result = await provider(broken).start()
    expect(result.phase).toBe('error')
    expect(result.error).toMatch(/ngrok library \(@ngrok\/ngrok\) could not be loaded.*ngrok-linux-x64-gnu/)
    expect(result.fix).toMatch(/npm install.*cloudflared or a manual URL/)
  })
})
