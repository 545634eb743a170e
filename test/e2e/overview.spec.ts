import { expect, test } from './fixtures'

test.describe('overview with the sandbox', () => {
  test.use({ serveArgs: ['--sandbox', '--no-customers'] })

  test('says it is the sandbox, counts the token down, refreshes it and logs the refresh', async ({ app }) => {
    await expect(app.getByTestId('sandbox-badge')).toHaveText('Sandbox — simulated Cloud API, not Meta')
    await expect(app.getByRole('region', { name: 'Sandbox' })).toContainText('not to Meta')
    const card = app.getByRole('region', { name: 'Access token' })
    await expect(card.getByTestId('token-state')).toHaveText(/Valid|Expiring soon/)
    const countdown = card.getByTestId('token-countdown')
    await expect(countdown).toHaveText(/^Expires in \d+ min \d\d s$/)
    const first = await countdown.textContent()
    await expect(countdown).not.toHaveText(first!)
    await expect(app.getByTestId('token-clock')).toHaveText(/^token \d+ min \d\d s$/)
    await expect(card).toContainText('System-user token (expires; renewable 60 days at a time)')

    const expiryBefore = await card.getByTestId('token-expiry').textContent()
    await card.getByRole('button', { name: 'Refresh now' }).click()
    await expect(card.getByTestId('refresh-result')).toContainText('Refreshed: new expiry')
    await expect(card.getByTestId('token-expiry')).not.toHaveText(expiryBefore!)
    const log = app.getByTestId('refresh-log')
    await expect(log.getByRole('row').nth(1)).toContainText('manual')
    await expect(log.getByRole('row').nth(1)).toContainText('exchange_system_user')
    await expect(log.getByRole('row').nth(1)).toContainText('success')

    await app.getByRole('radio', { name: 'failure' }).click()
    await expect(app.getByText('No refresh attempts yet.')).toBeVisible()
  })

  test('Test connection in Settings shows the token and the phone number from the sandbox', async ({ app }) => {
    await app.keyboard.press('Control+5')
    const editor = app.getByRole('region', { name: 'Profile sandbox' })
    await editor.getByRole('button', { name: 'Test connection' }).click()
    const result = editor.getByRole('region', { name: 'Connection test' })
    await expect(result.getByText('valid', { exact: true })).toBeVisible()
    await expect(result).toContainText('System-user token')
    await expect(result).toContainText('whatsapp_business_messaging')
    await expect(result).toContainText('GREEN')
  })
})

test('a first launch offers the sandbox, and one click starts it', async ({ app }) => {
  await expect(app.getByText('No integration to watch yet')).toBeVisible()
  await app.getByRole('button', { name: 'Try the sandbox' }).click()
  await expect(app.getByTestId('sandbox-badge')).toBeVisible()
  await expect(app.getByTestId('active-profile')).toHaveText('Profile: sandbox')
  await expect(app.getByRole('region', { name: 'Access token' }).getByTestId('token-countdown')).toHaveText(/^Expires in/)
})
