import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger, Redactor } from '../../../src/main/core'
import { findControlEndpoint } from '../../../src/main/core/sandbox-session'
import { ScriptedTunnel } from '../../support/scripted-tunnel'
import { sandboxCore, type SandboxCore } from '../../support/sandbox-core'
import { tempDir } from '../../support/temp'
import { GraphClient, type GraphErrorResult } from '../sandbox/helpers/graph-client'

describe('the sandbox session and other processes', () => {
  let box: SandboxCore
  afterEach(() => box.core.close())

  it('leaves the control key for the CLI in a 0600 file of the data dir, and nowhere in the logs', async () => {
    const dataDir = tempDir()
    const redactor = new Redactor()
    box = await sandboxCore({ config: { dataDir, redactor, log: createLogger({ redactor, dir: join(dataDir, 'logs'), minLevel: 'debug' }) } })
    const sandbox = box.core.sandbox.running!
    const file = join(dataDir, 'sandbox', 'endpoint.json')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(statSync(join(dataDir, 'sandbox')).mode & 0o077).toBe(0)

    const control = findControlEndpoint(dataDir)!
    expect(control.url).toBe(sandbox.url)
    const env = await fetch(`${control.url}/_sandbox/env`, { headers: control.headers })
    expect(env.status).toBe(200)
    expect(((await env.json()) as Record<string, string>).GRAPH_API_BASE).toBe(sandbox.url)
    expect((await fetch(`${control.url}/_sandbox/env`)).status).toBe(403)

    await fetch(`${control.url}/_sandbox/env?note=${sandbox.controlKey}`, { headers: { origin: 'http://evil.example' } })
    await box.core.close()
    expect(readFileSync(join(dataDir, 'logs', 'switchboard.log'), 'utf8')).not.toContain(sandbox.controlKey)
    expect(findControlEndpoint(dataDir)).toBeNull()
  })

  it('lets registrations call back the running tunnel, and no other public host', async () => {
    box = await sandboxCore()
    const { core } = box
    const sandbox = core.sandbox.running!
    const graph = new GraphClient(sandbox.url)
    const phone = sandbox.phoneNumbers[0]!.id
    const override = (url: string) => graph.post<GraphErrorResult>(`/${phone}`, { webhook_configuration: { override_callback_uri: url, verify_token: sandbox.verifyToken } }, sandbox.adminToken)

    const before = await override('https://quiet-river.invalid/webhook')
    expect(before.body.error.message).toContain('calls back only this machine')

    core.tunnel.configure({ providerFactory: () => new ScriptedTunnel('https://quiet-river.invalid'), autoSelfTest: false })
    await core.call('tunnel.start', { provider: 'cloudflared' })
    // Tried: the handshake fails only because the name does not resolve.
    expect((await override('https://quiet-river.invalid/webhook')).body.error.message).toContain('Could not resolve host: quiet-river.invalid')
    expect((await override('https://elsewhere.invalid/webhook')).body.error.message).toContain('calls back only this machine')

    await core.call('tunnel.stop')
    expect((await override('https://quiet-river.invalid/webhook')).body.error.message).toContain('calls back only this machine')
  })
})
