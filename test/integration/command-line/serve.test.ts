import { spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../support/core'
import { binEntry, startServe, type ServeProcess } from '../../support/serve'
import { openSocket, SocketClient } from '../../support/ws-client'

describe('switchboard serve', () => {
  let serve: ServeProcess | undefined

  afterEach(async () => {
    await serve?.stop('SIGKILL')
    serve = undefined
  })

  it('prints exactly the two ready lines, serves the UI and answers over the WebSocket', async () => {
    serve = await startServe(['--data-dir', tempDir(), '--port', '0', '--webhook-port', '0'])
    expect(serve.lines[0]).toMatch(/^Switchboard UI: http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/)
    expect(serve.lines[1]).toMatch(/^Webhook: http:\/\/127\.0\.0\.1:\d+\/webhook$/)

    const page = await fetch(`http://127.0.0.1:${serve.uiPort}/`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(await page.text()).toContain('<div id="root">')

    const attempt = await openSocket(serve.uiPort, { token: serve.token })
    expect(attempt.status).toBe(101)
    const info = await new SocketClient(attempt.socket!).call('app.info')
    expect(info).toMatchObject({ ok: true, value: { shell: 'browser', sandbox: false } })
    attempt.socket!.close()

    expect((await openSocket(serve.uiPort)).status).toBe(401)
  })

  it('shuts down cleanly on SIGTERM and SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const run = await startServe(['--data-dir', tempDir(), '--port', '0', '--webhook-port', '0'])
      expect(await run.stop(signal)).toBe(0)
    }
  })

  it('names the port and the fix when the UI port is taken', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    const result = spawnSync(process.execPath, [binEntry, 'serve', '--data-dir', tempDir(), '--port', String(port), '--webhook-port', '0'], {
      encoding: 'utf8',
      timeout: 15_000,
    })
    blocker.close()
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`)
    expect(result.stdout).toBe('')
  })
})
