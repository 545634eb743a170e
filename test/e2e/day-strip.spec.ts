import { coreCall, expect, test } from './fixtures'

test.describe('the Overview’s last 24 hours', () => {
  test.use({ serveArgs: ['--sandbox', '--no-customers'] })

  test('draws the day’s messages and refreshes, moves as messages arrive, and shows the same numbers as a table', async ({ app, serve }) => {
    const strip = app.getByRole('region', { name: 'Last 24 hours' })
    await expect(strip).toContainText('0 messages in, 0 out, 0 failed')
    await coreCall(serve, 'sandbox.simulateInbound', { type: 'text' })
    await coreCall(serve, 'sandbox.simulateInbound', { type: 'text' })
    // Live: re-read within a few seconds of the deliveries.
    await expect(strip).toContainText('2 messages in, 0 out, 0 failed', { timeout: 10_000 })
    await expect(strip.getByRole('img')).toHaveAttribute('aria-label', /^2 messages in, 0 out, 0 failed, \d+ token refresh/)

    await app.getByRole('region', { name: 'Access token' }).getByRole('button', { name: 'Refresh now' }).click()
    await expect(strip.getByRole('img')).toHaveAttribute('aria-label', /[1-9]\d* token refresh(es)?$/, { timeout: 10_000 })

    await strip.getByRole('button', { name: 'Table' }).click()
    const rows = strip.getByRole('table', { name: 'Messages per 15 minutes' }).getByRole('row')
    // Header plus one or two quarters (the two messages may straddle a boundary), together 2 in.
    const cells = await rows.evaluateAll((trs) => trs.slice(1).map((tr) => Number(tr.children[1]!.textContent)))
    expect(cells.reduce((a, b) => a + b, 0)).toBe(2)
    await expect(strip.getByRole('table', { name: 'Token refreshes' })).toContainText('token refreshed')
    await strip.getByRole('button', { name: 'Chart' }).click()
    await expect(strip.getByRole('img')).toBeVisible()
  })
})
