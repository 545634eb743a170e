import { afterEach, describe, expect, it, vi } from 'vitest'
import { Bot } from '../../support/bot'
import { runBuiltCli, runBuiltCliAsync } from '../../support/cli'
import { tempDir } from '../../support/core'
import { startServe, type ServeProcess } from '../../support/serve'

describe('switchboard forward and serve --forward-to', () => {
  let serve: ServeProcess | undefined
  let bot: Bot | undefined

  afterEach(async () => {
    await serve?.stop('SIGTERM')
    await bot?.stop()
    serve = undefined
    bot = undefined
  })

  it('forwards the sandbox’s traffic to a bot, says so in a ready line, and replays from another process', { timeout: 60_000 }, async () => {
    bot = await new Bot().start()
    const dataDir = tempDir()
    serve = await startServe(['--data-dir', dataDir, '--port', '0', '--webhook-port', '0', '--sandbox', '--sandbox-speed', '200', '--forward-to', bot.url])
    expect(serve.lines).toContain(`Forwarding to: ${bot.url}`)
    await vi.waitFor(() => expect(bot!.bodies().length).toBeGreaterThan(0), { timeout: 30_000, interval: 100 })
    const first = bot.received.find((r) => r.method === 'POST')!
    expect(JSON.parse(first.body.toString('utf8'))).toMatchObject({ object: 'whatsapp_business_account' })
    expect(first.headers['x-hub-signature-256']).toMatch(/^sha256=[0-9a-f]{64}$/)

    const cli = (args: string[]) => runBuiltCliAsync([...args, '--data-dir', dataDir, '--profile', 'sandbox'])
    const status = await cli(['forward', 'status', '--json'])
    expect(status.status).toBe(0)
    const [target] = JSON.parse(status.stdout) as { id: number; url: string; health: { state: string }; counts: { delivered: number } }[]
    expect(target).toMatchObject({ url: bot.url, health: { state: 'ok' } })

    const requestId = Number(/^\s*(\d+)/.exec((await cli(['webhook', 'requests', '--verdict', 'accepted', '--limit', '1'])).stdout)![1])
    const replay = await cli(['forward', 'replay', '--request', String(requestId), '--target', String(target!.id)])
    expect(replay).toMatchObject({ status: 0, stdout: 'Queued 1 delivery for 1 target\n' })
    // The running serve finds what another process queued.
    await vi.waitFor(() => expect(bot!.received.some((r) => r.headers['x-switchboard-forward'] === 'replay')).toBe(true), { timeout: 10_000, interval: 100 })
  })

  it('refuses a forward URL that would carry messages unencrypted, before starting anything', () => {
    const result = runBuiltCli(['serve', '--data-dir', tempDir(), '--port', '0', '--forward-to', 'http://bot.example.com/hook'])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('--forward-to: Forwarding goes to https, or to http on this machine')
    expect(result.stdout).toBe('')
  })

  it('adds, lists, retries and removes targets; says what to do when there are none', () => {
    const dataDir = tempDir()
    const run = (args: string[]) => runBuiltCli([...args, '--data-dir', dataDir, '--profile', 'bots'])
    expect(runBuiltCli(['credentials', 'set', '--data-dir', dataDir, '--profile', 'bots', '--app-id', '123456'], {}).status).toBe(0)
    const none = run(['forward', 'status'])
    expect(none).toMatchObject({ status: 0, stdout: '' })
    expect(none.stderr).toContain('forward add URL')
    expect(run(['forward', 'add', 'http://localhost:3000/webhook']).stdout).toMatch(/^\s+\d+ {2}http:\/\/localhost:3000\/webhook {2}ok {2}pending 0/)
    expect(run(['forward', 'add', 'http://localhost:3000/webhook']).stderr).toContain('already a forward target')
    expect(run(['forward', 'retry', '--target', 'http://localhost:3000/webhook']).status).toBe(0)
    expect(run(['forward', 'replay', '--request', 'x']).stderr).toContain('--request takes a request id')
    expect(run(['forward', 'remove', 'http://localhost:3000/webhook']).status).toBe(0)
    expect(run(['forward', 'status', '--json']).stdout).toBe('[]\n')
  })
})
