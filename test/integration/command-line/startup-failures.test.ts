import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { createServer, connect } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startPrivateKeyring } from '../../support/keyring'
import { binEntry, startServe } from '../../support/serve'
import { tempDir } from '../../support/temp'
import { openSocket, SocketClient } from '../../support/ws-client'

const serveSync = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(process.execPath, [binEntry, 'serve', ...args], { encoding: 'utf8', timeout: 20_000, env })

function refused(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host)
    socket.once('connect', () => (socket.destroy(), resolve(false)))
    socket.once('error', () => resolve(true))
  })
}

describe('serve: what still works when something is wrong at start', () => {
  it('names the unusable data directory and exits 1', () => {
    const file = join(tempDir(), 'a-file')
    writeFileSync(file, 'x')
    const result = serveSync(['--data-dir', join(file, 'data'), '--port', '0', '--webhook-port', '0'])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`The data directory ${join(file, 'data')} cannot be used: part of the path is a file, not a directory`)
    expect(result.stderr).toContain('--data-dir')
  })

  it('names the webhook port in use and exits 1 without printing the ready lines', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    const result = serveSync(['--data-dir', tempDir(), '--port', '0', '--webhook-port', String(port)])
    blocker.close()
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`)
    expect(result.stderr).toContain('--webhook-port')
    expect(result.stdout).toBe('')
  })

  it('starts with a locked keychain and says so to the UI', async () => {
    const locked = startPrivateKeyring({ unlocked: false })
    try {
      const serve = await startServe(['--data-dir', tempDir(), '--port', '0', '--webhook-port', '0'], locked.env)
      const attempt = await openSocket(serve.uiPort, { token: serve.token })
      const client = new SocketClient(attempt.socket!)
      expect(await client.call('keychain.status')).toMatchObject({ ok: true, value: { state: 'locked' } })
      expect(await client.call('profiles.create', { name: 'still works' })).toMatchObject({ ok: true })
      expect(await client.call('profiles.list')).toMatchObject({ ok: true, value: { keychain: { state: 'locked' } } })
      attempt.socket!.close()
      expect(await serve.stop()).toBe(0)
    } finally {
      locked.stop()
    }
  })

  it('listens on 127.0.0.1 only: UI, webhook and sandbox are unreachable on other addresses', async () => {
    const serve = await startServe(['--data-dir', tempDir(), '--port', '0', '--webhook-port', '0', '--sandbox', '--no-customers'])
    const sandboxPort = Number(/:(\d+)$/.exec(await serve.waitForLine(/^Sandbox Graph API: /))![1])
    for (const port of [serve.uiPort, serve.webhookPort, sandboxPort]) {
      expect(await refused(port, '127.0.0.1')).toBe(false)
      expect(await refused(port, '127.0.0.2')).toBe(true)
    }
    await serve.stop()
  })
})
