import { test as base, expect, type Page } from '@playwright/test'
import { runBuiltCli } from '../support/cli'
import { sample } from '../support/secrets'
import { tempDir } from '../support/temp'
import { startServe, type ServeProcess } from '../support/serve'
import { sign } from '../support/signing'
import { openSocket, SocketClient } from '../support/ws-client'

/** POSTs a body to the serve's webhook listener, signed with the sample app secret (or `secret`); resolves to the HTTP status. */
export type Deliver = (body: unknown, options?: { secret?: string }) => Promise<number>

interface Fixtures {
  /** A fresh data directory for this test's serve. */
  dataDir: string
  /** Before serve starts, store a profile `shop` with the sample app secret and verify token (through the CLI). */
  webhookSecrets: boolean
  /** A fresh `switchboard serve` on its own data dir, stopped after the test. */
  serve: ServeProcess
  /** Extra arguments for that serve (e.g. `--sandbox`). */
  serveArgs: string[]
  /** Runs on the data dir after the secrets are stored and before serve starts (an object: Playwright would take a bare function for a fixture). */
  beforeServe: { run(dataDir: string): void } | null
  /** The UI opened at the printed URL, connected. */
  app: Page
  deliver: Deliver
}

/**
 * Stores a profile with the sample app secret and verify token through the real CLI, so the
 * listener can check signatures from the first request.
 */
function storeWebhookSecrets(dataDir: string): void {
  const result = runBuiltCli(['credentials', 'set', '--data-dir', dataDir, '--profile', 'shop', '--read', 'app-secret', '--read', 'verify-token'], {
    input: `${sample.appSecret}\n${sample.verifyToken}\n`,
  })
  if (result.status !== 0) throw new Error(`credentials set failed (${result.status}):\n${result.stdout}\n${result.stderr}`)
}

export const test = base.extend<Fixtures>({
  serveArgs: [[], { option: true }],
  webhookSecrets: [false, { option: true }],
  beforeServe: [null, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; this one has none
  dataDir: async ({}, use) => {
    await use(tempDir())
  },
  serve: async ({ dataDir, webhookSecrets, serveArgs, beforeServe }, use) => {
    if (webhookSecrets) storeWebhookSecrets(dataDir)
    beforeServe?.run(dataDir)
    const serve = await startServe(['--data-dir', dataDir, '--port', '0', '--webhook-port', '0', ...serveArgs])
    await use(serve)
    await serve.stop()
  },
  app: async ({ page, serve }, use) => {
    await page.goto(serve.uiUrl)
    await expect(page.getByTestId('connection-state')).toHaveText('Connected')
    await use(page)
  },
  deliver: async ({ serve }, use) => {
    await use(async (body, options = {}) => {
      const raw = JSON.stringify(body)
      const response = await fetch(serve.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw, options.secret ?? sample.appSecret) },
        body: raw,
      })
      await response.body?.cancel()
      return response.status
    })
  },
})

export { expect }

/** One contract call to a running serve over its WebSocket API (what another window or a script would do); fails the test unless it succeeds. */
export async function coreCall(serve: ServeProcess, name: string, input?: unknown): Promise<unknown> {
  const attempt = await openSocket(serve.uiPort, { token: serve.token })
  const client = new SocketClient(attempt.socket!)
  try {
    const result = (await client.call(name, input)) as { ok: boolean; value?: unknown }
    expect(result.ok).toBe(true)
    return result.value
  } finally {
    attempt.socket!.close()
  }
}
