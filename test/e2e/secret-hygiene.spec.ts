import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import keytar from '@github/keytar'
import { runBuiltCli } from '../support/cli'
import { sample } from '../support/secrets'
import { openSocket, SocketClient } from '../support/ws-client'
import { expect, test } from './fixtures'

/** Every file under `dir` with the secrets it contains in plain text. */
function leaks(dir: string, secrets: string[], except: (path: string) => boolean): string[] {
  const found: string[] = []
  const walk = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry)
      if (statSync(full).isDirectory()) walk(full)
      else if (!except(full)) {
        const bytes = readFileSync(full)
        for (const secret of secrets) if (bytes.includes(Buffer.from(secret))) found.push(`${relative(dir, full)} holds ${secret.slice(0, 4)}…`)
      }
    }
  }
  walk(dir)
  return found
}

test.describe('secret hygiene after a full run', () => {
  test.use({ serveArgs: ['--sandbox', '--no-customers'] })

  test('no app secret, access token or verify token in the data dir, logs, exports, renderer storage or any contract result', async ({ app, serve, dataDir, page }) => {
    const frames: string[] = []
    page.on('websocket', (socket) => socket.on('framereceived', (frame) => frames.push(String(frame.payload))))
    await page.reload()
    await expect(app.getByTestId('connection-state')).toHaveText('Connected')

    // Settings: a production profile with real-looking secrets, entered through the form.
    await app.keyboard.press('Control+5')
    await app.getByLabel('New profile name').fill('production')
    await app.getByRole('button', { name: 'Create' }).click()
    const editor = app.getByRole('region', { name: 'Profile production' })
    await editor.getByRole('button', { name: 'Set Access token' }).click()
    await editor.getByLabel('Access token', { exact: true }).fill(sample.accessToken)
    await editor.getByRole('button', { name: 'Set App secret' }).click()
    await editor.getByLabel('App secret', { exact: true }).fill(sample.appSecret)
    await editor.getByRole('button', { name: 'Set Verify token' }).click()
    await editor.getByLabel('Verify token', { exact: true }).fill(sample.verifyToken)
    await editor.getByRole('button', { name: 'Save' }).click()
    await expect(editor.getByText('EA…Qz')).toBeVisible()

    // The sandbox profile stays active: refresh its token, receive a customer's message, send two, export.
    await expect(app.getByTestId('active-profile')).toHaveText('Profile: sandbox')
    await app.keyboard.press('Control+1')
    await app.getByRole('region', { name: 'Access token' }).getByRole('button', { name: 'Refresh now' }).click()
    await expect(app.getByTestId('refresh-result')).toContainText('Refreshed')

    const attempt = await openSocket(serve.uiPort, { token: serve.token })
    const client = new SocketClient(attempt.socket!)
    expect(await client.call('sandbox.simulateInbound', { type: 'text', from: '12015550123' })).toMatchObject({ ok: true })
    attempt.socket!.close()
    const sent = runBuiltCli(['send', '--data-dir', dataDir, '--to', '+12015550123', '--text', 'Thanks, on its way'])
    expect(sent.status).toBe(0)
    const template = runBuiltCli(['send', '--data-dir', dataDir, '--to', '+12015550123', '--template', 'hello_world'])
    expect(template.status).toBe(0)

    await app.keyboard.press('Control+2')
    await expect(app.getByRole('listbox', { name: 'Conversations' }).getByRole('option')).toHaveCount(1)
    await app.getByRole('button', { name: 'Export JSON Lines' }).click()
    await expect(app.getByText(/exports\/messages-sandbox-/)).toBeVisible()
    await app.getByRole('button', { name: 'Export CSV' }).click()

    // What must never appear in plain text: the production secrets and the sandbox profile's own.
    const env = runBuiltCli(['sandbox', 'env', '--data-dir', dataDir, '--json'])
    const sandbox = JSON.parse(env.stdout) as Record<string, string>
    const profile = JSON.parse(runBuiltCli(['credentials', 'show', '--data-dir', dataDir, '--profile', 'sandbox', '--json']).stdout) as { id: string }
    const liveToken = await keytar.getPassword('Switchboard', `${profile.id}/accessToken`)
    const secrets = [sample.accessToken, sample.appSecret, sample.verifyToken, sandbox.WHATSAPP_APP_SECRET!, sandbox.VERIFY_TOKEN!, liveToken!]
    expect(secrets.every((s) => s.length >= 16)).toBe(true)

    // The sandbox's own world (it plays Meta, so it holds Meta's side of these values) is the one exception.
    const simulatorState = (path: string) => path === join(dataDir, 'sandbox', 'state.json')
    expect(leaks(dataDir, secrets, simulatorState)).toEqual([])
    expect(statSync(join(dataDir, 'logs', 'switchboard.log')).size).toBeGreaterThan(0)

    const storage = await page.evaluate(async () => {
      const dump: string[] = []
      for (const store of [localStorage, sessionStorage]) for (let i = 0; i < store.length; i++) dump.push(`${store.key(i)}=${store.getItem(store.key(i)!)}`)
      const databases = await indexedDB.databases()
      dump.push(JSON.stringify(databases))
      return dump.join('\n')
    })
    const results = frames.join('\n')
    expect(results.length).toBeGreaterThan(10_000)
    for (const secret of secrets) {
      expect(storage, 'renderer storage').not.toContain(secret)
      expect(results, 'contract results and events').not.toContain(secret)
      expect(serve.lines.join('\n') + serve.stderr(), 'serve output').not.toContain(secret)
      expect(sent.stdout + sent.stderr + template.stdout + template.stderr, 'CLI output').not.toContain(secret)
    }
  })
})
