import { createServer } from 'node:net'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/** A loopback port where nothing listens: taken from the OS, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
  return address.port
}

/** Opens the Webhooks screen and starts a manual tunnel at `url`. */
async function startManual(app: Page, url: string) {
  await app.keyboard.press('Control+4')
  const tunnel = app.getByRole('region', { name: 'Tunnel' })
  await expect(tunnel.getByTestId('tunnel-state')).toHaveText('Off')
  await tunnel.getByRole('radio', { name: 'Manual URL' }).check()
  await tunnel.getByLabel('Public URL').fill(url)
  await tunnel.getByRole('button', { name: 'Start' }).click()
  return tunnel
}

test.describe('the tunnel and registration with the sandbox', () => {
  test.use({ serveArgs: ['--sandbox', '--no-customers'] })

  test("a manual URL to the local listener passes the self-test, registers this number's override, shows where webhooks go, and Stop puts it back", async ({
    app,
    serve,
    context,
  }) => {
    const base = serve.webhookUrl.replace(/\/webhook$/, '')
    const tunnel = await startManual(app, base)

    // Online at the URL, checked by the self-test that ran on start.
    await expect(tunnel.getByTestId('tunnel-state')).toHaveText('Online')
    await expect(tunnel.getByTestId('tunnel-public-url')).toHaveText(base)
    await expect(tunnel.getByTestId('tunnel-webhook-url')).toHaveText(serve.webhookUrl)
    const selfTest = tunnel.getByRole('region', { name: 'Self-test' })
    await expect(selfTest.getByTestId('self-test-result')).toHaveText('Passed')
    await expect(selfTest).toContainText("The challenge came back through the public URL from this Switchboard's listener")
    await expect(selfTest).toContainText('hub.verify_token=[redacted]')

    // The copy button puts the callback URL on the clipboard.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await tunnel.getByRole('button', { name: 'Copy callback url' }).click()
    await expect(tunnel.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible()
    expect(await app.evaluate(() => navigator.clipboard.readText())).toBe(serve.webhookUrl)

    // Run it again on demand: a new challenge goes out and comes back.
    const request = selfTest.getByText(/^GET http:/)
    const first = await request.textContent()
    await selfTest.getByRole('button', { name: 'Run self-test' }).click()
    await expect(request).not.toHaveText(first!)
    await expect(selfTest.getByTestId('self-test-result')).toHaveText('Passed')

    // The app-wide callback needs its explicit confirmation first.
    const register = tunnel.getByRole('region', { name: 'Register with Meta' })
    const registerButton = register.getByRole('button', { name: 'Register with Meta' })
    await register.getByRole('radio', { name: /app-wide callback/ }).check()
    await expect(register.getByRole('alert')).toContainText('replaces the app\'s production webhook URL')
    await expect(registerButton).toBeDisabled()
    await register.getByRole('checkbox', { name: 'Replace the production callback URL of the app' }).check()
    await expect(registerButton).toBeEnabled()

    // The default: this number's override, production untouched.
    await register.getByRole('radio', { name: /This phone number only/ }).check()
    await expect(registerButton).toBeEnabled()
    await registerButton.click()
    const result = register.getByTestId('registration-result')
    await expect(result).toContainText(`Phone number override of`)
    await expect(result).toContainText(`now points at ${serve.webhookUrl}`)
    const step = result.getByRole('listitem')
    await expect(step).toHaveCount(1)
    await expect(step).toContainText(/POST \/\d+ webhook_configuration\.override_callback_uri/)
    await expect(step.getByLabel(/^The sandbox's answer to POST/)).toContainText('"success": true')

    // The sandbox's verification GET came to the listener and shows in the request inspector: the
    // newest verified request is no longer a self-test's but the one from "Meta".
    const verified = app.getByRole('listbox', { name: 'Webhook requests' }).getByRole('option').filter({ hasText: 'Verified 200' })
    const detail = app.getByRole('region', { name: /^Request \d+$/ })
    await expect(async () => {
      await verified.first().click()
      await expect(detail.getByRole('table', { name: 'Headers' })).toContainText('facebookexternalua', { timeout: 1000 })
    }).toPass()
    await expect(detail.getByRole('heading', { name: /^GET \/webhook\?hub\.mode=subscribe/ })).toBeVisible()

    // Health: the number's override is effective and points at this tunnel.
    const health = tunnel.getByRole('region', { name: 'Webhook health' })
    const phoneLevel = health.getByTestId('health-level-phone_number')
    await expect(phoneLevel).toContainText(serve.webhookUrl)
    await expect(phoneLevel.getByText('effective', { exact: true })).toBeVisible()
    await expect(phoneLevel.getByText('this tunnel', { exact: true })).toBeVisible()
    await expect(health.getByTestId('health-points-at-tunnel')).toHaveText("receives this number's webhooks")
    const phoneId = (await phoneLevel.locator('th .muted').textContent()) ?? ''
    expect(phoneId).toMatch(/^\d+$/)
    await expect(step).toContainText(`POST /${phoneId} webhook_configuration.override_callback_uri`)
    const registered = tunnel.getByRole('region', { name: 'Registered at Meta' })
    await expect(registered.getByRole('row')).toHaveCount(2)
    await expect(registered.getByRole('row').nth(1)).toContainText(`Phone number override ${phoneId}`)

    // Stop puts the override back: the app's callback applies again.
    await tunnel.getByRole('button', { name: 'Stop' }).click()
    await expect(tunnel.getByTestId('tunnel-state')).toHaveText('Off')
    await expect(phoneLevel).toContainText('not set')
    await expect(phoneLevel.getByText('effective', { exact: true })).toHaveCount(0)
    await expect(health.getByTestId('health-level-app').getByText('effective', { exact: true })).toBeVisible()
    await expect(health.getByTestId('health-points-at-tunnel')).toHaveText('not online (or unknown)')
    await expect(registered).toContainText('Nothing: Meta delivers where it did before.')
    await expect(register.getByRole('button', { name: 'Register with Meta' })).toBeDisabled()
  })

  test('Remove puts the override back while the tunnel stays online; health on demand', async ({ app, serve }) => {
    const base = serve.webhookUrl.replace(/\/webhook$/, '')
    const tunnel = await startManual(app, base)
    await expect(tunnel.getByTestId('tunnel-state')).toHaveText('Online')

    // Before registering: the sandbox's app callback (production) is where webhooks go.
    const health = tunnel.getByRole('region', { name: 'Webhook health' })
    await expect(health).toContainText('Not checked yet.')
    await health.getByRole('button', { name: 'Check now' }).click()
    const phoneLevel = health.getByTestId('health-level-phone_number')
    await expect(phoneLevel).toContainText('not set')
    await expect(health.getByTestId('health-level-app').getByText('effective', { exact: true })).toBeVisible()
    await expect(health.getByRole('button', { name: 'Check again' })).toBeVisible()

    const register = tunnel.getByRole('region', { name: 'Register with Meta' })
    await register.getByRole('button', { name: 'Register with Meta' }).click()
    await expect(phoneLevel.getByText('effective', { exact: true })).toBeVisible()

    const registered = tunnel.getByRole('region', { name: 'Registered at Meta' })
    await registered.getByRole('button', { name: 'Remove' }).click()
    await expect(registered.getByRole('status')).toContainText(/^Put back 1 callback: Phone number override \d+\.$/)
    await expect(phoneLevel).toContainText('not set')
    await expect(health.getByTestId('health-level-app').getByText('effective', { exact: true })).toBeVisible()
    await expect(tunnel.getByTestId('tunnel-state')).toHaveText('Online')
    await expect(registered).toContainText('Nothing: Meta delivers where it did before.')

    // The auto re-register setting is kept.
    const auto = tunnel.getByRole('checkbox', { name: /Register again by itself/ })
    await expect(auto).toBeChecked()
    await auto.uncheck()
    await expect(auto).not.toBeChecked()
    await app.reload()
    await expect(app.getByTestId('connection-state')).toHaveText('Connected')
    await expect(app.getByRole('region', { name: 'Tunnel' }).getByRole('checkbox', { name: /Register again by itself/ })).not.toBeChecked()
  })

  test('a second window follows the tunnel live: state, self-test and registrations', async ({ app, serve, context }) => {
    const other = await context.newPage()
    await other.goto(serve.uiUrl)
    await expect(other.getByTestId('connection-state')).toHaveText('Connected')
    await other.keyboard.press('Control+4')
    const watched = other.getByRole('region', { name: 'Tunnel' })
    await expect(watched.getByTestId('tunnel-state')).toHaveText('Off')

    const base = serve.webhookUrl.replace(/\/webhook$/, '')
    const tunnel = await startManual(app, base)
    await expect(tunnel.getByTestId('tunnel-state')).toHaveText('Online')
    await expect(watched.getByTestId('tunnel-state')).toHaveText('Online')
    await expect(watched.getByTestId('tunnel-public-url')).toHaveText(base)
    await expect(watched.getByRole('region', { name: 'Self-test' }).getByTestId('self-test-result')).toHaveText('Passed')

    await tunnel.getByRole('region', { name: 'Register with Meta' }).getByRole('button', { name: 'Register with Meta' }).click()
    await expect(tunnel.getByTestId('registration-result')).toBeVisible()
    await expect(watched.getByRole('region', { name: 'Registered at Meta' }).getByRole('row').nth(1)).toContainText(`Phone number override`)

    await tunnel.getByRole('button', { name: 'Stop' }).click()
    await expect(watched.getByTestId('tunnel-state')).toHaveText('Off')
    await expect(watched.getByRole('region', { name: 'Registered at Meta' })).toContainText('Nothing: Meta delivers where it did before.')
  })

  test('a manual URL where nothing listens ends in the error state with the reason and the fix', async ({ app, serve }) => {
    const port = await closedPort()
    const tunnel = await startManual(app, `http://127.0.0.1:${port}`)
    await expect(tunnel.getByTestId('tunnel-state')).toHaveText('Error')
    const error = tunnel.getByTestId('tunnel-error')
    await expect(error).toContainText(`http://127.0.0.1:${port} did not pass the check: No answer: nothing listens at 127.0.0.1:${port} (connection refused)`)
    await expect(error).toContainText(`Make the URL forward to this machine's listener (${serve.webhookUrl})`)
    await expect(tunnel.getByRole('region', { name: 'Self-test' }).getByTestId('self-test-result')).toHaveText('Failed')
    await expect(tunnel.getByTestId('tunnel-public-url')).toHaveCount(0)
    await expect(tunnel.getByRole('region', { name: 'Register with Meta' }).getByRole('button', { name: 'Register with Meta' })).toBeDisabled()

    // The provider's log says what was checked; it is folded until opened.
    await tunnel.getByText('Provider log').click()
    await expect(tunnel.getByLabel('Provider log lines')).toContainText(`Checking http://127.0.0.1:${port}/webhook with Meta's verification request`)

    // A URL Meta would never call is refused before anything runs, at the field.
    await tunnel.getByLabel('Public URL').fill('http://hooks.example.com')
    await tunnel.getByRole('button', { name: 'Restart' }).click()
    await expect(tunnel.getByRole('alert').filter({ hasText: 'Meta delivers webhooks only to https URLs' })).toBeVisible()
    await expect(tunnel.getByLabel('Public URL')).toHaveAttribute('aria-invalid', 'true')

    // So is an ngrok reserved domain that is not a domain name.
    await tunnel.getByRole('radio', { name: 'ngrok' }).check()
    await tunnel.getByLabel('Reserved domain (optional)').fill('not a domain')
    await tunnel.getByRole('button', { name: 'Restart' }).click()
    await expect(tunnel.getByRole('alert').filter({ hasText: 'A domain name such as example.ngrok.app' })).toBeVisible()
    await expect(tunnel.getByTestId('tunnel-state')).toHaveText('Error')
  })

  test("a registration Meta cannot verify shows the Graph error and the hint", async ({ app, serve }) => {
    const base = serve.webhookUrl.replace(/\/webhook$/, '')
    const tunnel = await startManual(app, base)
    await expect(tunnel.getByTestId('tunnel-state')).toHaveText('Online')

    // The listener moves away; the manual URL still leads to the old port, where nothing listens now.
    const listener = app.getByRole('region', { name: 'Webhook listener' })
    await listener.getByLabel('Port', { exact: true }).fill('0')
    await listener.getByRole('button', { name: 'Restart on port any free' }).click()
    await expect(app.getByTestId('listener-state')).not.toHaveText(`Listening on ${serve.webhookUrl}`)

    const register = tunnel.getByRole('region', { name: 'Register with Meta' })
    await register.getByRole('button', { name: 'Register with Meta' }).click()
    const failure = register.getByRole('alert')
    await expect(failure).toContainText('Graph 2200')
    await expect(failure).toContainText('callback verification failed')
    await expect(failure).toContainText("Meta's verification request did not get the challenge back from the URL")
    await expect(register.getByTestId('registration-result')).toHaveCount(0)
    await expect(tunnel.getByRole('region', { name: 'Registered at Meta' })).toContainText('Nothing: Meta delivers where it did before.')
    await expect(tunnel.getByRole('region', { name: 'Webhook health' }).getByTestId('health-level-phone_number')).toContainText('not set')

    // The self-test says why.
    const selfTest = tunnel.getByRole('region', { name: 'Self-test' })
    await selfTest.getByRole('button', { name: 'Run self-test' }).click()
    await expect(selfTest.getByTestId('self-test-result')).toHaveText('Failed')
    await expect(selfTest).toContainText(`No answer: nothing listens at 127.0.0.1:${serve.webhookPort} (connection refused)`)
  })
})
