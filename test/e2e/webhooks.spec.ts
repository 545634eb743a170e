import { inbound } from '../support/webhook-payloads'
import { expect, test } from './fixtures'

const CUSTOMER = '15551230009'
const WRONG_SECRET = 'ffffffffffffffffffffffffffffffff'

test.describe('webhooks', () => {
  test.use({ webhookSecrets: true })

  test('the inspector lists accepted and rejected requests live, filters by verdict and opens one with its pretty-printed body', async ({
    app,
    deliver,
    serve,
  }) => {
    await app.keyboard.press('Control+4')
    await expect(app.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible()
    await expect(app.getByTestId('listener-state')).toHaveText(`Listening on ${serve.webhookUrl}`)
    await expect(app.getByText('The listener has not received anything')).toBeVisible()

    expect(await deliver(inbound(CUSTOMER, 'Carol', { type: 'text', text: { body: 'Signed properly' } }))).toBe(200)
    expect(await deliver(inbound(CUSTOMER, 'Mallory', { type: 'text', text: { body: 'Forged' } }), { secret: WRONG_SECRET })).toBe(401)

    const requests = app.getByRole('listbox', { name: 'Webhook requests' })
    await expect(requests.getByRole('option')).toHaveCount(2)
    const accepted = requests.getByRole('option').filter({ hasText: 'Accepted 200' })
    const rejected = requests.getByRole('option').filter({ hasText: 'Rejected 401' })
    await expect(accepted).toContainText('signature valid')
    await expect(accepted).toContainText('1 event')
    await expect(rejected).toContainText('signature invalid')
    await expect(rejected).toContainText('does not match the body signed with the app secret')
    // Newest first.
    await expect(requests.getByRole('option').first()).toContainText('Rejected 401')

    const filter = app.getByRole('combobox', { name: 'Filter by verdict' })
    await filter.selectOption({ label: 'Rejected' })
    await expect(requests.getByRole('option')).toHaveCount(1)
    await expect(requests.getByRole('option')).toContainText('Rejected 401')
    await filter.selectOption({ label: 'Accepted' })
    await expect(requests.getByRole('option')).toHaveCount(1)
    await expect(requests.getByRole('option')).toContainText('Accepted 200')
    // A live request that does not match the filter stays out; one that does comes in.
    expect(await deliver(inbound(CUSTOMER, 'Mallory', { type: 'text', text: { body: 'Forged again' } }), { secret: WRONG_SECRET })).toBe(401)
    expect(await deliver(inbound(CUSTOMER, 'Carol', { type: 'text', text: { body: 'Second one' } }))).toBe(200)
    await expect(requests.getByRole('option')).toHaveCount(2)
    await expect(requests.getByRole('option').filter({ hasText: 'Rejected' })).toHaveCount(0)
    await filter.selectOption({ label: 'All requests' })
    await expect(requests.getByRole('option')).toHaveCount(4)

    await requests.getByRole('option').filter({ hasText: 'Accepted 200' }).last().click()
    const detail = app.getByRole('region', { name: /^Request \d+$/ })
    await expect(detail.getByRole('heading', { name: 'POST /webhook' })).toBeVisible()
    await expect(detail.getByRole('table', { name: 'Headers' })).toContainText('x-hub-signature-256')
    const body = detail.getByLabel('Request body')
    await expect(body).toContainText('"object": "whatsapp_business_account"')
    await expect(body).toContainText('"body": "Signed properly"')
    // Pretty-printed: one field per line, indented.
    expect(await body.textContent()).toMatch(/^\{\n {2}"object": "whatsapp_business_account",\n {2}"entry": \[\n/)

    // Arrow keys move through the requests and Enter opens one.
    await requests.focus()
    await app.keyboard.press('Home')
    await app.keyboard.press('ArrowDown')
    await app.keyboard.press('Enter')
    await expect(detail.getByText('X-Hub-Signature-256 does not match the body signed with the app secret')).toBeVisible()
    await expect(detail.getByLabel('Request body')).toContainText('"body": "Forged again"')
  })

  test('the listener can be restarted on another port and the retention changed', async ({ app, serve }) => {
    await app.keyboard.press('Control+4')
    const panel = app.getByRole('region', { name: 'Webhook listener' })
    await expect(app.getByTestId('listener-state')).toHaveText(`Listening on ${serve.webhookUrl}`)
    await panel.getByLabel('Port', { exact: true }).fill('0')
    await panel.getByRole('button', { name: 'Restart on port any free' }).click()
    await expect(panel.getByRole('status').filter({ hasText: 'Restarted on a free port.' })).toBeVisible()
    await expect(app.getByTestId('listener-state')).toHaveText(/^Listening on http:\/\/127\.0\.0\.1:\d+\/webhook$/)
    await expect(app.getByTestId('listener-state')).not.toHaveText(`Listening on ${serve.webhookUrl}`)

    await panel.getByLabel('Keep raw requests').fill('7')
    await panel.getByRole('button', { name: 'Save' }).click()
    await expect(panel.getByRole('status').filter({ hasText: 'Raw requests are now kept 7 days.' })).toBeVisible()
    await app.reload()
    await expect(app.getByTestId('connection-state')).toHaveText('Connected')
    await expect(app.getByRole('region', { name: 'Webhook listener' }).getByLabel('Keep raw requests')).toHaveValue('7')
  })
})
