import { test as base, expect, type Page } from '@playwright/test'
import { tempDir } from '../support/temp'
import { startServe, type ServeProcess } from '../support/serve'

interface Fixtures {
  /** A fresh `switchboard serve` on its own data dir, stopped after the test. */
  serve: ServeProcess
  /** Extra arguments for that serve (e.g. `--sandbox`). */
  serveArgs: string[]
  /** The UI opened at the printed URL, connected. */
  app: Page
}

export const test = base.extend<Fixtures>({
  serveArgs: [[], { option: true }],
  serve: async ({ serveArgs }, use) => {
    const serve = await startServe(['--data-dir', tempDir(), '--port', '0', '--webhook-port', '0', ...serveArgs])
    await use(serve)
    await serve.stop()
  },
  app: async ({ page, serve }, use) => {
    await page.goto(serve.uiUrl)
    await expect(page.getByTestId('connection-state')).toHaveText('Connected')
    await use(page)
  },
})

export { expect }
