import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ManualClock, type CoreServices } from '../../../src/main/core'
import { startSandbox, type Sandbox } from '../../../src/main/core/sandbox'
import { testCore } from '../../support/core'
import { countingProxy, type CountingProxy } from '../../support/counting-proxy'
import { sample } from '../../support/secrets'
import { startServe, type ServeProcess } from '../../support/serve'
import { tempDir } from '../../support/temp'
import { openSocket, SocketClient } from '../../support/ws-client'
import { GraphClient } from '../sandbox/helpers/graph-client'
import { freePort } from '../tunnel/helpers'

describe('after a crash', () => {
  let meta: Sandbox | undefined
  let graphProxy: CountingProxy | undefined
  let serve: ServeProcess | undefined
  let core: CoreServices | undefined

  afterEach(async () => {
    await serve?.stop('SIGKILL')
    await core?.close()
    await meta?.close()
    await graphProxy?.close()
    serve = core = meta = graphProxy = undefined
  })

  it('the next Switchboard on the data dir removes the override the crashed one left on its dead tunnel', async () => {
    const dataDir = tempDir()
    meta = await startSandbox({ dataDir: join(dataDir, 'meta'), clock: new ManualClock(Date.now()), customers: false, quirks: false })
    graphProxy = await countingProxy(meta.url)
    const phoneId = meta.phoneNumbers[0]!.id
    core = await testCore({ dataDir, graphBaseUrl: graphProxy.url })
    const { id } = await core.call('profiles.create', { name: 'prod-like' })
    await core.call('profiles.save', {
      id,
      settings: { phoneNumberId: phoneId, wabaId: meta.wabaId },
      secrets: { appId: meta.app.id, appSecret: meta.app.secret, accessToken: meta.currentToken(), verifyToken: sample.verifyToken },
    })
    await core.close()
    core = undefined

    // A real Switchboard process registers its tunnel with "Meta", then dies without a chance to clean up.
    const webhookPort = await freePort()
    serve = await startServe(['--data-dir', dataDir, '--port', '0', '--webhook-port', String(webhookPort), '--tunnel', `http://127.0.0.1:${webhookPort}`], {
      SWITCHBOARD_GRAPH_BASE_URL: graphProxy.url,
      SWITCHBOARD_TUNNEL_ALLOW_HTTP_LOOPBACK: '1',
    })
    await serve.waitForLine(/^Public URL: /)
    const socket = (await openSocket(serve.uiPort, { token: serve.token })).socket!
    expect(await new SocketClient(socket).call('registration.register', { mode: 'phone_number' })).toMatchObject({ ok: true })
    socket.close()
    await serve.stop('SIGKILL')
    serve = undefined

    const graph = new GraphClient(meta.url)
    const override = async () =>
      (await graph.get<{ webhook_configuration: Record<string, string> }>(`/${phoneId}`, { fields: 'webhook_configuration' }, meta!.adminToken)).body.webhook_configuration
        .phone_number
    expect(await override()).toBe(`http://127.0.0.1:${webhookPort}/webhook`)

    core = await testCore({ dataDir, graphBaseUrl: graphProxy.url })
    const notices: string[] = []
    core.events.on('app.notice', (notice) => notices.push(notice.message))
    await core.tunnel.whenIdle()
    expect(await override()).toBeUndefined()
    expect(core.tunnel.status().registrations).toEqual([])
    expect(notices).toEqual([expect.stringMatching(/^Put back 1 webhook callback\(s\) that a Switchboard which did not stop cleanly/)])
    expect(graphProxy.count(new RegExp(`^POST /v\\d+\\.\\d+/${phoneId}$`))).toBe(2)
  })

  it("puts back a sandbox profile's leftovers once the sandbox runs again", async () => {
    const dataDir = tempDir()
    const webhookPort = await freePort()
    serve = await startServe(['--data-dir', dataDir, '--port', '0', '--webhook-port', String(webhookPort), '--sandbox', '--no-customers', '--tunnel', `http://127.0.0.1:${webhookPort}`])
    await serve.waitForLine(/^Public URL: /)
    const socket = (await openSocket(serve.uiPort, { token: serve.token })).socket!
    expect(await new SocketClient(socket).call('registration.register', {})).toMatchObject({ ok: true })
    socket.close()
    await serve.stop('SIGKILL')
    serve = undefined

    core = await testCore({ dataDir })
    await core.tunnel.whenIdle()
    // The sandbox went down with the crashed process: nothing can be put back yet, and nothing is forgotten.
    expect(core.tunnel.status().registrations).toEqual([expect.objectContaining({ mode: 'phone_number', ownedHere: false })])
    await core.webhook.start(0)
    await core.call('sandbox.start', { customers: false })
    await core.tunnel.whenIdle()
    expect(core.tunnel.status().registrations).toEqual([])
    expect((await core.call('registration.health')).destinations.phoneNumber).toBeNull()
  })

  it('a Switchboard that is still running keeps its registrations: another one on the data dir leaves them alone', async () => {
    const dataDir = tempDir()
    meta = await startSandbox({ dataDir: join(dataDir, 'meta'), clock: new ManualClock(Date.now()), customers: false, quirks: false })
    graphProxy = await countingProxy(meta.url)
    core = await testCore({ dataDir, graphBaseUrl: graphProxy.url })
    const { id } = await core.call('profiles.create', { name: 'prod-like' })
    await core.call('profiles.save', {
      id,
      settings: { phoneNumberId: meta.phoneNumbers[0]!.id, wabaId: meta.wabaId },
      secrets: { appId: meta.app.id, appSecret: meta.app.secret, accessToken: meta.currentToken(), verifyToken: sample.verifyToken },
    })
    await core.active.reload()
    const listener = await core.webhook.start(0)
    core.tunnel.configure({ allowHttpLoopback: true })
    await core.call('tunnel.start', { provider: 'manual', url: `http://127.0.0.1:${listener.port}` })
    await core.call('registration.register', {})

    const second = await testCore({ dataDir, graphBaseUrl: graphProxy.url })
    await second.tunnel.whenIdle()
    expect(second.tunnel.status().registrations).toEqual([expect.objectContaining({ ownedHere: false, callbackUrl: `http://127.0.0.1:${listener.port}/webhook` })])
    await second.close()
    expect(core.tunnel.status().registrations).toEqual([expect.objectContaining({ ownedHere: true })])
  })
})
