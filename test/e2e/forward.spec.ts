import { Bot } from '../support/bot'
import { coreCall, expect, test } from './fixtures'

const wamidsOf = (bodies: string[]) => new Set(bodies.flatMap((body) => [...body.matchAll(/"id":"(wamid\.[^"]+)"/g)].map((m) => m[1]!)))

test.describe('forwarding to the operator’s bot', () => {
  test.use({ serveArgs: ['--sandbox', '--no-customers'] })

  test('forwards sandbox traffic, pauses a bot that is down, resumes by itself when it is back, and resends an edited body', async ({ app, serve }) => {
    test.setTimeout(90_000)
    const bot = await new Bot().start()
    try {
      await app.keyboard.press('Control+4')
      const panel = app.getByRole('region', { name: 'Forwarding' })
      await expect(panel).toContainText('off · send every delivery on to your own bot')
      await panel.getByText('Forwarding', { exact: true }).click()
      await expect(panel).toContainText('No bot yet')
      const url = panel.getByRole('textbox', { name: 'Forward to' })
      await url.fill('http://bot.example.com/hook')
      await expect(panel).toContainText('would carry customers')
      await expect(panel.getByRole('button', { name: 'Add' })).toBeDisabled()
      await url.fill(bot.url)
      await panel.getByRole('button', { name: 'Add' }).click()
      const target = panel.getByRole('listitem', { name: `Forward target ${bot.url}` })
      await expect(target.getByTestId('forward-health')).toHaveText('ok')
      await panel.getByRole('textbox', { name: 'Retry failed forwards for' }).fill('48')
      await panel.getByRole('button', { name: 'Save' }).click()
      await expect(panel).toContainText('Failures are retried for 48 h')

      await coreCall(serve, 'sandbox.simulateInbound', { type: 'text' })
      await expect.poll(() => bot.bodies().length).toBe(1)
      await expect(target.getByTestId('forward-counts')).toContainText('1 delivered')

      // The bot goes down: deliveries fail, are retried, and the target pauses.
      await bot.stop()
      for (let i = 0; i < 6; i++) await coreCall(serve, 'sandbox.simulateInbound', { type: 'text' })
      await expect(target.getByTestId('forward-health')).toContainText(/^paused since .*: \d+ deliver(y|ies) waiting · (next try|trying)/, { timeout: 20_000 })
      await expect(target.getByTestId('forward-health')).toContainText('Nothing listens at')
      const requests = app.getByRole('listbox', { name: 'Webhook requests' })
      // Newest first: the second-to-last is the first delivery after the bot went down, tried before the pause.
      await requests.getByRole('option').filter({ hasText: 'Accepted 200' }).nth(-2).click()
      const detail = app.getByRole('region', { name: /^Request \d+$/ })
      await expect(detail.getByTestId('forward-job')).toContainText('on its way')
      await expect(detail.getByRole('table', { name: `Attempts to ${bot.url}` })).toContainText('connection refused')

      // Back up: the next probe succeeds and everything waiting arrives, without a click.
      await bot.start()
      // Seven messages; the sandbox, like Meta, may carry several in one delivery.
      await expect.poll(() => wamidsOf(bot.bodies()).size, { timeout: 30_000 }).toBe(7)
      await expect(target.getByTestId('forward-health')).toHaveText('ok')
      await expect(target.getByTestId('forward-counts')).not.toContainText('pending')
      await expect(detail.getByTestId('forward-job')).toContainText('delivered')

      // Edit and resend from the inspector.
      await detail.getByRole('button', { name: 'Edit and resend…' }).click()
      const editor = detail.getByRole('textbox', { name: 'Body to resend' })
      const original = await editor.inputValue()
      await editor.fill(original.replace('"type":"text"', '"type":"text","edited_by":"operator"'))
      await editor.press('Control+Enter')
      await expect.poll(() => bot.received.filter((r) => r.headers['x-switchboard-forward'] === 'edited').length).toBe(1)
      const edited = bot.received.find((r) => r.headers['x-switchboard-forward'] === 'edited')!
      expect(edited.body.toString('utf8')).toContain('"edited_by":"operator"')
      expect(edited.headers['x-hub-signature-256']).toMatch(/^sha256=[0-9a-f]{64}$/)
      await expect(detail.getByTestId('forward-job').filter({ hasText: 'edited and resent' })).toContainText('delivered')

      // The Overview says how the bot is doing.
      await app.keyboard.press('Control+1')
      await expect(app.getByTestId('overview-forward')).toContainText(`${bot.url} ok`)
    } finally {
      await bot.stop()
    }
  })
})
