import { chmodSync, existsSync, writeFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ManualClock, Redactor, silentLogger } from '../../../src/main/core'
import { CloudflaredProvider, type CloudflaredOptions } from '../../../src/main/core/tunnel'
import { tempDir } from '../../support/temp'
import { installFakeCloudflared, processAlive, providerState, type FakeCloudflared } from './helpers'

const ORIGIN = 'http://127.0.0.1:4871'
const QUICK_URL = /^https:\/\/quiet-river-bench-\d+-\d+\.trycloudflare\.com$/

describe('the cloudflared quick tunnel, against a stand-in executable', () => {
  let provider: CloudflaredProvider | undefined
  let fake: FakeCloudflared
  let clock: ManualClock

  afterEach(async () => {
    await provider?.stop()
    provider = undefined
  })

  function start(mode: Parameters<FakeCloudflared['env']>[0], options: Partial<CloudflaredOptions> = {}) {
    fake = installFakeCloudflared()
    clock = new ManualClock(Date.now())
    provider = new CloudflaredProvider({ originUrl: ORIGIN, clock, redactor: new Redactor(), log: silentLogger, env: fake.env(mode), ...options })
    return provider
  }

  it('finds cloudflared on PATH, reads the URL from its log lines once a connection is registered, and stop kills it', async () => {
    const cloudflared = start('ok')
    const phases: string[] = []
    cloudflared.onChange((s) => phases.push(s.phase))
    const settled = await cloudflared.start()
    expect(settled.phase).toBe('online')
    expect(settled.url).toMatch(QUICK_URL)
    expect(phases[0]).toBe('starting')
    expect(settled.logs.some((line) => line.includes('Registered tunnel connection'))).toBe(true)

    const [run] = fake.runs()
    // The metrics port is whatever the process binds, never one chosen beforehand that another user could take.
    expect(run!.args).toEqual(['tunnel', '--no-autoupdate', '--metrics', '127.0.0.1:0', '--url', ORIGIN])
    expect(processAlive(run!.pid)).toBe(true)

    await cloudflared.stop()
    expect(processAlive(run!.pid)).toBe(false)
    expect(cloudflared.snapshot().phase).toBe('off')
    // Stopped for good: no restart, however long one waits.
    clock.advance(10 * 60_000)
    expect(fake.runs()).toHaveLength(1)
  })

  it('takes the URL only from the process’s own output, never from a metrics endpoint', async () => {
    const cloudflared = start('metrics-only', { startTimeoutMs: 30_000, backoffMs: [2000] })
    const settled = cloudflared.start()
    // Registered, and /quicktunnel names a hostname: a server anyone could have put on that port.
    const waiting = await providerState(cloudflared, (s) => s.logs.some((line) => line.includes('has not printed its quick tunnel URL')))
    expect(waiting).toMatchObject({ phase: 'starting', url: null })
    expect(waiting.logs.some((line) => line.includes('Registered tunnel connection'))).toBe(true)
    clock.advance(30_000)
    expect(await settled).toMatchObject({ phase: 'error', url: null, error: 'cloudflared did not report a quick tunnel within 30 s' })
  })

  it('runs the cloudflared found in PATH’s directories, never one in the current directory', async () => {
    fake = installFakeCloudflared()
    const here = tempDir('switchboard-cwd-')
    const hostile = join(here, 'cloudflared')
    writeFileSync(hostile, `#!/bin/sh\ntouch "${here}/hostile-ran"\nexit 1\n`)
    chmodSync(hostile, 0o755)
    clock = new ManualClock(Date.now())
    // An empty or "." entry in PATH means the current directory to execvp.
    const env = { ...fake.env('ok'), PATH: `.${delimiter}${delimiter}${fake.binDir}${delimiter}${process.env.PATH ?? ''}` }
    const cwd = process.cwd()
    process.chdir(here)
    try {
      provider = new CloudflaredProvider({ originUrl: ORIGIN, clock, redactor: new Redactor(), log: silentLogger, env })
      const settled = await provider.start()
      expect(settled.phase).toBe('online')
      expect(settled.logs[0]).toBe(`$ ${fake.binary} tunnel --no-autoupdate --metrics 127.0.0.1:0 --url ${ORIGIN}`)
    } finally {
      process.chdir(cwd)
    }
    expect(existsSync(join(here, 'hostile-ran'))).toBe(false)
    expect(fake.runs()).toHaveLength(1)
  })

  it('gives the process PATH, home, temp and proxy settings, and none of Switchboard’s other variables', async () => {
    fake = installFakeCloudflared()
    clock = new ManualClock(Date.now())
    const env: NodeJS.ProcessEnv = {
      ...fake.env('ok'),
      HOME: '/home/operator',
      TMPDIR: '/tmp/operator',
      HTTPS_PROXY: 'http://proxy.internal:3128',
      no_proxy: 'localhost',
      WHATSAPP_TOKEN: 'EAAGsecret-from-a-sourced-env',
      NGROK_AUTHTOKEN: '2abcsecret',
      SWITCHBOARD_GRAPH_BASE_URL: 'https://graph.facebook.com',
    }
    provider = new CloudflaredProvider({ originUrl: ORIGIN, clock, redactor: new Redactor(), log: silentLogger, env })
    expect((await provider.start()).phase).toBe('online')
    const given = fake.runs()[0]!.env
    expect(given).toMatchObject({ PATH: env.PATH, HOME: '/home/operator', TMPDIR: '/tmp/operator', HTTPS_PROXY: 'http://proxy.internal:3128', no_proxy: 'localhost' })
    expect(Object.keys(given).every((name) => ['PATH', 'HOME', 'TMPDIR', 'TMP', 'TEMP', 'HTTPS_PROXY', 'HTTP_PROXY', 'ALL_PROXY', 'NO_PROXY'].includes(name.toUpperCase()))).toBe(true)
    expect(JSON.stringify(given)).not.toContain('secret')
  })

  it('says how to install cloudflared when it is not on PATH, and does not retry', async () => {
    const noCloudflared = tempDir('switchboard-empty-path-')
    clock = new ManualClock(Date.now())
    provider = new CloudflaredProvider({ originUrl: ORIGIN, clock, redactor: new Redactor(), log: silentLogger, env: { ...process.env, PATH: noCloudflared } })
    const settled = await provider.start()
    expect(settled).toMatchObject({ phase: 'error', error: 'cloudflared is not installed (no "cloudflared" on PATH)', retryAt: null })
    expect(settled.fix).toMatch(/Install cloudflared.*brew install cloudflared/)
    clock.advance(60_000)
    expect(provider.snapshot().restarts).toBe(0)

    const atPath = new CloudflaredProvider({ originUrl: ORIGIN, binary: `${noCloudflared}/cloudflared`, clock, redactor: new Redactor(), log: silentLogger })
    expect((await atPath.start()).error).toBe(`cloudflared is not installed (nothing at ${noCloudflared}/cloudflared)`)
  })

  it('starts a process that died again after the backoff, and comes back with a new URL', async () => {
    const cloudflared = start('die-first', { backoffMs: [1000, 5000] })
    const first = await cloudflared.start()
    expect(first.phase).toBe('online')
    const died = await providerState(cloudflared, (s) => s.phase === 'error')
    expect(died.error).toBe('cloudflared exited with code 1: Connection terminated error="control stream encountered a failure while serving" connIndex=0')
    expect(died.retryAt).toBe(clock.now() + 1000)
    expect(processAlive(fake.runs()[0]!.pid)).toBe(false)

    clock.advance(999)
    expect(cloudflared.snapshot()).toMatchObject({ phase: 'error', restarts: 0 })
    clock.advance(1)
    expect(cloudflared.snapshot().restarts).toBe(1)
    const again = await providerState(cloudflared, (s) => s.phase === 'online')
    expect(again.url).toMatch(QUICK_URL)
    expect(again.url).not.toBe(first.url)
    expect(fake.runs()).toHaveLength(2)
  })

  it('backs off further each time it fails to get a tunnel, with cloudflared’s own error as the reason', async () => {
    const cloudflared = start('fail', { backoffMs: [1000, 5000] })
    const failed = await cloudflared.start()
    expect(failed.error).toMatch(/^cloudflared exited with code 1: failed to request quick Tunnel/)
    expect(failed.retryAt).toBe(clock.now() + 1000)
    clock.advance(1000)
    const second = await providerState(cloudflared, (s) => s.phase === 'error' && s.restarts === 1)
    expect(second.retryAt).toBe(clock.now() + 5000)
    expect(fake.runs()).toHaveLength(2)
  })

  it('stops and restarts a cloudflared that never reports a tunnel', async () => {
    const cloudflared = start('hang', { startTimeoutMs: 30_000, backoffMs: [2000] })
    const settled = cloudflared.start()
    await providerState(cloudflared, (s) => s.logs.some((line) => line.includes('Requesting new quick Tunnel')))
    clock.advance(30_000)
    const timedOut = await settled
    expect(timedOut).toMatchObject({ phase: 'error', error: 'cloudflared did not report a quick tunnel within 30 s' })
    expect(processAlive(fake.runs()[0]!.pid)).toBe(false)
    expect(timedOut.retryAt).toBe(clock.now() + 2000)
  })
})
