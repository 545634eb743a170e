import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startBrowserServer, type BrowserServer } from '../../../src/main/bridge'
import type { CoreServices } from '../../../src/main/core'
import { tempDir, testCore } from '../../support/core'
import { openSocket, SocketClient } from '../../support/ws-client'

describe('browser-mode WebSocket bridge', () => {
  let core: CoreServices
  let server: BrowserServer

  beforeAll(async () => {
    core = await testCore()
    server = await startBrowserServer({
      port: 0,
      rendererDir: tempDir(),
      core,
    })
  })

  afterAll(async () => {
    await server.close()
    await core.close()
  })

  it('prints a URL on 127.0.0.1 with the token in the fragment', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`)
  })

  it('answers contract calls over the socket with the token', async () => {
    const attempt = await openSocket(server.port, { token: server.token })
    expect(attempt.status).toBe(101)
    const client = new SocketClient(attempt.socket!)
    expect(await client.call('app.info')).toMatchObject({ ok: true, value: { name: 'Switchboard' } })
    attempt.socket!.close()
  })

  it('rejects invalid input with a typed error before the handler runs', async () => {
    const info = vi.spyOn(core.handlers, 'app.info')
    const attempt = await openSocket(server.port, { token: server.token })
    const client = new SocketClient(attempt.socket!)
    expect(await client.call('app.info', { surprise: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await client.call('no.suchCall')).toMatchObject({ ok: false, error: { code: 'unknown_call' } })
    expect(info).not.toHaveBeenCalled()
    client.sendRaw('{not json')
    await expect(client.waitFor((m) => m.type === 'error')).resolves.toMatchObject({ envelope: { error: { code: 'invalid_input' } } })
    attempt.socket!.close()
    info.mockRestore()
  })

  it('refuses a connection without the token, with a wrong token, from another origin or host', async () => {
    expect((await openSocket(server.port)).status).toBe(401)
    expect((await openSocket(server.port, { token: 'x'.repeat(43) })).status).toBe(401)
    expect((await openSocket(server.port, { token: server.token, origin: 'https://evil.example' })).status).toBe(403)
    expect((await openSocket(server.port, { token: server.token, origin: 'null' })).status).toBe(403)
    expect((await openSocket(server.port, { token: server.token, host: 'evil.example' })).status).toBe(403)
    expect((await openSocket(server.port, { token: server.token, path: '/other' })).status).toBe(404)
  })

  it('pushes core events to connected clients in batches', async () => {
    const attempt = await openSocket(server.port, { token: server.token })
    const client = new SocketClient(attempt.socket!)
    for (let i = 0; i < 50; i++) core.events.emit('app.notice', { level: 'info', message: `n${i}`, at: i })
    const first = await client.waitFor((m) => m.type === 'events')
    expect(first.type === 'events' && first.batch.length).toBe(50)
    attempt.socket!.close()
  })

  it('serves static files only under the allowed Host, with the CSP header', async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/missing.js`)
    expect(response.status).toBe(404)
    const rebinding = await new Promise<number>((resolve) => {
      import('node:http').then(({ request }) => {
        const req = request({ host: '127.0.0.1', port: server.port, path: '/', headers: { host: 'attacker.example' } }, (res) => resolve(res.statusCode ?? 0))
        req.end()
      }, () => resolve(0))
    })
    expect(rebinding).toBe(421)
  })
})
