import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { countingProxy, type CountingProxy } from '../../support/counting-proxy'
import { tempDir } from '../../support/temp'
import { binEntry, startServe, type ServeProcess } from '../../support/serve'
import { openSocket, SocketClient } from '../../support/ws-client'
import { freePort } from './helpers'

/** Resolves once serve has written `text` on stderr (each chunk is an event; no polling). */
function stderrContaining(run: ServeProcess, text: string, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!run.stderr().includes(text)) return
      clearTimeout(timer)
      run.child.stderr!.off('data', onData)
      resolve()
    }
    // serve's own listener appends the chunk first; this one runs after it.
    const onData = () => check()
    const timer = setTimeout(() => {
      run.child.stderr!.off('data', onData)
      reject(new Error(`serve never wrote ${JSON.stringify(text)} on stderr:\n${run.stderr()}`))
    }, timeoutMs)
    run.child.stderr!.on('data', onData)
    check()
  })
}

describe('switchboard serve --tunnel', () => {
  let serve: ServeProcess | undefined
  let proxy: CountingProxy | undefined

  afterEach(async () => {
    await serve?.stop('SIGKILL')
    serve = undefined
    await proxy?.close()
    proxy = undefined
  })

  it('prints the public URL after the ready lines, and puts back what was registered when stopped', async () => {
    const dataDir = tempDir()
    const webhookPort = await freePort()
    proxy = await countingProxy(`http://127.0.0.1:${webhookPort}`)
    serve = await startServe(['--data-dir', dataDir, '--port', '0', '--webhook-port', String(webhookPort), '--sandbox', '--no-customers', '--tunnel', proxy.url])
    const line = await serve.waitForLine(/^Public URL: /)
    expect(line).toBe(`Public URL: ${proxy.url}`)
    expect(serve.lines[0]).toMatch(/^Switchboard UI: /)
    expect(serve.lines[1]).toBe(`Webhook: http://127.0.0.1:${webhookPort}/webhook`)
    expect(serve.lines[2]).toMatch(/^Sandbox Graph API: http:\/\/127\.0\.0\.1:\d+$/)
    expect(serve.lines[3]).toBe(line)
    expect(proxy.count(/^GET \/webhook$/)).toBe(1)

    const socket = (await openSocket(serve.uiPort, { token: serve.token })).socket!
    const client = new SocketClient(socket)
    const registered = (await client.call('registration.register', {})) as { ok: boolean; value: { callbackUrl: string; record: { targetId: string } } }
    expect(registered).toMatchObject({ ok: true, value: { callbackUrl: `${proxy.url}/webhook` } })
    socket.close()
    const overrideOf = () => {
      const state = JSON.parse(readFileSync(join(dataDir, 'sandbox', 'state.json'), 'utf8')) as { phoneNumbers: { id: string; overrideCallbackUri: string | null }[] }
      return state.phoneNumbers.find((phone) => phone.id === registered.value.record.targetId)?.overrideCallbackUri
    }
    expect(overrideOf()).toBe(`${proxy.url}/webhook`)

    expect(await serve.stop('SIGTERM')).toBe(0)
    expect(overrideOf()).toBeNull()
    expect(serve.stderr()).toBe('')
  })

  it('says on stderr why the tunnel cannot start, and keeps serving', async () => {
    const closed = await freePort()
    serve = await startServe(['--data-dir', tempDir(), '--port', '0', '--webhook-port', '0', '--sandbox', '--no-customers', '--tunnel', `https://127.0.0.1:${closed}`])
    await stderrContaining(serve, 'switchboard serve: tunnel manual: ')
    expect(serve.stderr()).toContain(`https://127.0.0.1:${closed} did not pass the check: No answer: nothing listens at 127.0.0.1:${closed} (connection refused)`)
    expect(serve.lines.some((l) => l.startsWith('Public URL:'))).toBe(false)
    expect((await fetch(`http://127.0.0.1:${serve.uiPort}/`)).status).toBe(200)
    expect(await serve.stop('SIGTERM')).toBe(0)
  })

  it('refuses what is not a tunnel, before starting anything', () => {
    for (const args of [
      ['--tunnel', 'ftp://example.com'],
      ['--tunnel', 'cloudflared', '--tunnel-domain', 'x.ngrok.app'],
      ['--cloudflared', '/usr/bin/cloudflared'],
    ]) {
      const result = spawnSync(process.execPath, [binEntry, 'serve', '--data-dir', tempDir(), ...args], { encoding: 'utf8', timeout: 15_000 })
      expect(result.status).toBe(2)
      expect(result.stdout).toBe('')
      expect(result.stderr).toMatch(/^switchboard serve: /)
    }
  })
})
