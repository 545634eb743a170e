import type { Locator, Page } from '@playwright/test'
import type { ServeProcess } from '../support/serve'
import { openSocket, SocketClient } from '../support/ws-client'
import { coreCall, expect, test } from './fixtures'

/** Simulated customers of the sandbox (an unknown number becomes a new customer when it writes). */
const ALICE = '14155550123'
const BOB = '14155550124'
/** Never writes: the 24-hour window stays closed. */
const STRANGER = '14155550188'

/** A 1×1 PNG, as a photo picked from disk. */
const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

/** The sandbox runs ten times faster for these tests; reading takes at most ~3.5 s then. */
const READ_WITHIN = 15_000

/** A sandbox customer writes now, through a second connection (as a phone would, not through the page under test). */
async function customerWrites(serve: ServeProcess, from: string): Promise<void> {
  const attempt = await openSocket(serve.uiPort, { token: serve.token })
  const client = new SocketClient(attempt.socket!)
  try {
    const result = (await client.call('sandbox.simulateInbound', { type: 'text', from })) as { ok: boolean }
    expect(result.ok).toBe(true)
  } finally {
    attempt.socket!.close()
  }
}

/** Asks the serve's core through a second connection (as a script would, not through the page under test). */
/** Opens the UI counting the `composer.send` calls the page makes. */
async function openCountingSends(page: Page, serve: ServeProcess): Promise<() => number> {
  let sends = 0
  page.on('websocket', (socket) => {
    socket.on('framesent', (frame) => {
      if (typeof frame.payload === 'string' && frame.payload.includes('"composer.send"')) sends++
    })
  })
  await page.goto(serve.uiUrl)
  await expect(page.getByTestId('connection-state')).toHaveText('Connected')
  return () => sends
}

const status = (article: Locator, name: string) => article.getByRole('button', { name: `Status: ${name}. Show the status timeline` })

async function fillOrderUpdate(composer: Locator, order: string): Promise<void> {
  await composer.getByRole('radio', { name: 'Template' }).click()
  await composer.getByLabel('Template', { exact: true }).selectOption('order_update|en_US')
  await composer.getByLabel('Body {{1}}').fill('Ana')
  await composer.getByLabel('Body {{2}}').fill(`#${order}`)
  await composer.getByLabel('Body {{3}}').fill('Friday')
  await composer.getByLabel('Button “Track order” {{1}}').fill(order)
}

test.describe('composer with the sandbox', () => {
  // No quirks: every simulated customer reads what they get (with quirks, some never do, as on WhatsApp).
  test.use({ serveArgs: ['--sandbox', '--no-customers', '--sandbox-quirks', 'off', '--sandbox-speed', '10'] })

  test('a template with parameters and a text reply inside the window are accepted at once and reach "read"', async ({ app, serve }) => {
    await customerWrites(serve, ALICE)
    await app.keyboard.press('Control+3')
    const composer = app.getByRole('form', { name: 'New message' })
    await composer.getByLabel('To', { exact: true }).fill('+1 415 555 0123')
    await expect(composer.getByText(`Sends to +${ALICE} (US)`)).toBeVisible()
    await expect(composer.getByTestId('window-notice')).toContainText('Window open')
    await expect(composer.getByTestId('window-notice')).toContainText('Free-form messages allowed until')

    await fillOrderUpdate(composer, '10234')
    const preview = composer.getByRole('figure', { name: 'Template preview' })
    await expect(preview).toContainText('Hi Ana, your order #10234 has shipped and should arrive by Friday.')
    await expect(preview.getByRole('list', { name: 'Template buttons' })).toContainText('Track order → https://example.com/track/10234')
    await composer.getByRole('button', { name: 'Send', exact: true }).click()
    const last = composer.getByRole('status', { name: 'Last send' })
    await expect(last).toContainText('Accepted by Meta with message_status: accepted')
    await expect(last).toContainText('not delivered yet')
    const sent = app.getByRole('list', { name: 'Sent messages' }).getByRole('listitem')
    await expect(sent).toHaveCount(1)
    await expect(sent.first()).toContainText('order_update · Ana · #10234 · Friday')
    // What was sent is cleared; the template stays chosen for the next one.
    await expect(composer.getByLabel('Body {{1}}')).toHaveValue('')

    await last.getByRole('button', { name: 'Open the conversation' }).click()
    const thread = app.getByRole('region', { name: /^Conversation with / })
    const template = thread.getByRole('article').filter({ hasText: '#10234' })
    await expect(template).toContainText('Ana · #10234 · Friday · 10234')

    // Reply to the customer's message from the thread, with Ctrl+Enter.
    const dock = thread.getByRole('form', { name: /^Message to / })
    await thread.getByRole('article', { name: /^Received / }).first().getByRole('button', { name: 'Reply' }).click()
    await expect(dock.getByRole('status').filter({ hasText: 'Replying to Customer' })).toBeVisible()
    await expect(dock.getByLabel('Message', { exact: true })).toBeFocused()
    await dock.getByLabel('Message', { exact: true }).fill('Your parcel is on its way.')
    await app.keyboard.press('Control+Enter')
    const reply = thread.getByRole('article').filter({ hasText: 'Your parcel is on its way.' })
    await expect(reply).toBeVisible()
    await expect(reply.getByRole('button', { name: 'Replying to a message; show it' })).toContainText('Customer')
    await expect(dock.getByLabel('Message', { exact: true })).toHaveValue('')
    await expect(dock.getByRole('status').filter({ hasText: 'Replying to' })).toHaveCount(0)

    await expect(status(template, 'read')).toBeVisible({ timeout: READ_WITHIN })
    await expect(status(reply, 'read')).toBeVisible({ timeout: READ_WITHIN })
  })

  test('a photo picked from disk uploads, is sent by its id and shows from here; a refused file never leaves; reply buttons go out as buttons', async ({ app, serve }) => {
    await customerWrites(serve, ALICE)
    await app.keyboard.press('Control+2')
    await app.getByRole('listbox', { name: 'Conversations' }).getByRole('option').first().click()
    const thread = app.getByRole('region', { name: /^Conversation with / })
    const dock = thread.getByRole('form', { name: /^Message to / })

    await dock.getByRole('radio', { name: 'Image' }).click()
    await dock.getByLabel('Image file').setInputFiles({ name: 'photo.webp', mimeType: 'image/webp', buffer: Buffer.from('RIFF0000WEBP') })
    await expect(dock.getByText('WhatsApp does not take image/webp as an image: use image/jpeg, image/png')).toBeVisible()
    await expect(dock.getByRole('button', { name: 'Send', exact: true })).toBeDisabled()

    await dock.getByLabel('Image file').setInputFiles({ name: 'kettle.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG })
    await expect(dock.getByTestId('picked-file')).toContainText('Uploaded')
    await dock.getByLabel('Caption').fill('The broken kettle')
    await dock.getByRole('button', { name: 'Send', exact: true }).click()
    const photo = thread.getByRole('article').filter({ hasText: 'The broken kettle' }).getByRole('img')
    await expect(photo).toHaveJSProperty('complete', true)
    expect(await photo.evaluate((img: HTMLImageElement) => ({ width: img.naturalWidth, local: new URL(img.src).origin === window.location.origin }))).toEqual({ width: 1, local: true })

    await dock.getByRole('radio', { name: 'Reply buttons' }).click()
    await dock.getByLabel('Message', { exact: true }).fill('Ship today?')
    await dock.getByLabel('Button 1').fill('Yes')
    await dock.getByRole('button', { name: 'Add a button' }).click()
    await dock.getByLabel('Button 2').fill('Tomorrow')
    await dock.getByRole('button', { name: 'Send', exact: true }).click()
    const buttons = thread.getByRole('article').filter({ hasText: 'Ship today?' })
    await expect(buttons).toContainText('Yes')
    await expect(buttons).toContainText('Tomorrow')
    await expect(status(buttons, 'read')).toBeVisible({ timeout: READ_WITHIN })
  })

  test('an invalid number is refused inline and nothing is sent', async ({ page, serve }) => {
    const sends = await openCountingSends(page, serve)
    await page.keyboard.press('Control+3')
    const composer = page.getByRole('form', { name: 'New message' })
    const to = composer.getByLabel('To', { exact: true })
    await to.fill('+1 555 123 4567')
    await expect(composer.getByRole('alert')).toContainText('+1 555 123 4567 is not a valid number')
    await expect(to).toHaveAttribute('aria-invalid', 'true')
    await composer.getByLabel('Message', { exact: true }).fill('Hello there')
    const send = composer.getByRole('button', { name: 'Send', exact: true })
    await expect(send).toBeDisabled()
    await composer.getByLabel('Message', { exact: true }).press('Control+Enter')
    await expect(composer.getByTestId('window-notice')).toHaveCount(0)

    await to.fill('+1 415 555 0188')
    await expect(composer.getByRole('alert')).toHaveCount(0)
    await expect(composer.getByText(`Sends to +${STRANGER} (US)`)).toBeVisible()
    expect(sends()).toBe(0)
  })

  test('outside the window the composer steers to a template; a text sent anyway fails with 131047 and its hint', async ({ app }) => {
    await app.keyboard.press('Control+3')
    const composer = app.getByRole('form', { name: 'New message' })
    await composer.getByLabel('To', { exact: true }).fill(`+${STRANGER}`)
    const notice = composer.getByTestId('window-notice')
    await expect(notice).toContainText('Templates only')
    await expect(notice).toContainText('This customer has not written to this number yet.')
    await expect(notice.getByRole('list', { name: 'Before you send' })).toContainText('only an approved template can start the conversation')
    await composer.getByLabel('Message', { exact: true }).fill('Are you there?')
    const send = composer.getByRole('button', { name: 'Send', exact: true })
    await expect(send).toBeDisabled()
    await expect(composer.getByText('Outside the 24-hour window: choose a template, or tick “send anyway”.')).toBeVisible()

    await composer.getByRole('button', { name: 'Use a template instead' }).click()
    await expect(composer.getByRole('radio', { name: 'Template' })).toHaveAttribute('aria-checked', 'true')
    await expect(composer.getByRole('button', { name: 'Use a template instead' })).toHaveCount(0)

    // Back to the text: the operator may still send it, knowing what Meta will do.
    await composer.getByRole('radio', { name: 'Text' }).click()
    await expect(composer.getByLabel('Message', { exact: true })).toHaveValue('Are you there?')
    await composer.getByLabel(/Send the text anyway/).check()
    await send.click()
    await expect(composer.getByRole('status', { name: 'Last send' })).toContainText('Accepted by Meta')
    await composer.getByRole('status', { name: 'Last send' }).getByRole('button', { name: 'Open the conversation' }).click()
    const article = app.getByRole('region', { name: /^Conversation with / }).getByRole('article').filter({ hasText: 'Are you there?' })
    await expect(status(article, 'failed')).toBeVisible()
    await expect(article.getByRole('list', { name: 'Why it failed' })).toContainText('131047')
    await expect(article).toContainText('Outside the 24-hour customer service window: send an approved template instead')
  })

  test('the template form blocks a send with missing parameters; Ctrl+Enter sends once and the raw exchange is viewable', async ({ page, serve }) => {
    const sends = await openCountingSends(page, serve)
    await page.keyboard.press('Control+3')
    const composer = page.getByRole('form', { name: 'New message' })
    await composer.getByLabel('To', { exact: true }).fill(`+${STRANGER}`)
    await composer.getByRole('radio', { name: 'Template' }).click()
    const picker = composer.getByLabel('Template', { exact: true })
    await expect(picker.getByRole('option', { name: 'verification_code · en_US · APPROVED · AUTHENTICATION' })).toBeAttached()
    await picker.selectOption('order_update|en_US')
    await composer.getByLabel('Body {{1}}').fill('Ana')
    await composer.getByLabel('Body {{2}}').fill('#777')
    // A template needs exactly its parameters (Meta answers 132000 otherwise): the form will not send it short.
    const send = composer.getByRole('button', { name: 'Send', exact: true })
    await expect(send).toBeDisabled()
    await expect(composer.getByText('To send, fill in body {{3}}, button “Track order”.')).toBeVisible()
    await expect(composer.getByRole('figure', { name: 'Template preview' }).locator('mark')).toHaveText(['{{3}}', '{{1}}'])
    await composer.getByLabel('Body {{2}}').press('Control+Enter')
    expect(sends()).toBe(0)

    await composer.getByLabel('Body {{3}}').fill('Monday')
    await composer.getByLabel('Button “Track order” {{1}}').fill('777')
    await expect(send).toBeEnabled()
    // Outside the window is fine for a template: no steer.
    await expect(composer.getByRole('button', { name: 'Use a template instead' })).toHaveCount(0)
    await composer.getByLabel('Body {{3}}').press('Control+Enter')
    await composer.getByLabel('Body {{3}}').press('Control+Enter')
    const last = composer.getByRole('status', { name: 'Last send' })
    await expect(last).toContainText('Accepted by Meta with message_status: accepted')
    expect(sends()).toBe(1)

    await last.getByText('Raw request and response').click()
    const request = last.getByRole('region', { name: 'Request' })
    await expect(request).toContainText(/POST .*\/messages/)
    await expect(request.getByRole('table', { name: 'Request headers' })).toContainText(/authorization\s*Bearer \S+…\S+/)
    const body = request.getByLabel('Request body')
    await expect(body).toContainText('"name": "order_update"')
    await expect(body).toContainText('"sub_type": "url"')
    await expect(body).toContainText(`"to": "${STRANGER}"`)
    const response = last.getByRole('region', { name: 'Response' })
    await expect(response).toContainText('HTTP 200')
    await expect(response.getByLabel('Response body')).toContainText('"message_status": "accepted"')
  })

  test('warns before a burst to one person, and a pair rate limit shows the Graph error, when to retry and the raw exchange', async ({ app, serve }) => {
    await customerWrites(serve, ALICE)
    await app.keyboard.press('Control+3')
    const composer = app.getByRole('form', { name: 'New message' })
    const recent = composer.getByLabel('Recent contacts')
    await expect(recent.getByRole('option', { name: new RegExp(`\\+${ALICE}$`) })).toBeAttached()
    await recent.selectOption(`+${ALICE}`)
    await expect(composer.getByLabel('To', { exact: true })).toHaveValue(`+${ALICE}`)
    await expect(composer.getByTestId('window-notice')).toContainText('Window open')
    await composer.getByLabel('Message', { exact: true }).fill('One more thing')

    // Another client (a bot on the same number) bursts to Alice until Meta's pair limit refuses it.
    const attempt = await openSocket(serve.uiPort, { token: serve.token })
    const bot = new SocketClient(attempt.socket!)
    try {
      for (let n = 0; ; n++) {
        expect(n, 'the sandbox allows bursts of 45 to one person').toBeLessThan(60)
        const sent = (await bot.call('composer.send', { to: `+${ALICE}`, message: { kind: 'text', body: `Burst ${n}` } })) as { ok: boolean }
        if (!sent.ok) break
      }
    } finally {
      attempt.socket!.close()
    }
    // The bucket refills one message per 6 s: sent at once, this one is refused too.
    await composer.getByRole('button', { name: 'Send', exact: true }).click()
    const failed = composer.getByRole('group', { name: 'Last send' })
    await expect(failed.getByRole('alert')).toContainText('Graph 131056')
    await expect(failed.getByRole('alert')).toContainText('pair rate limit')
    await expect(failed.getByRole('status')).toContainText('Rate limited. Wait at least 6 seconds before the next message to this person')
    await failed.getByText('Raw request and response').click()
    await expect(failed.getByRole('region', { name: 'Response' })).toContainText('HTTP 400')
    await expect(failed.getByLabel('Response body')).toContainText('"code": 131056')
    // Nothing was lost: the text stays for a later try, and the burst is announced before it.
    await expect(composer.getByLabel('Message', { exact: true })).toHaveValue('One more thing')
    await expect(composer.getByRole('list', { name: 'Before you send' })).toContainText(/\d+ messages went to this customer in the last minute/)
  })

  test('replies, reactions and mark-as-read from the thread; a draft survives switching conversations', async ({ app, serve }) => {
    await customerWrites(serve, ALICE)
    await customerWrites(serve, BOB)
    await app.keyboard.press('Control+2')
    const conversations = app.getByRole('listbox', { name: 'Conversations' })
    await expect(conversations.getByRole('option')).toHaveCount(2)
    const alice = conversations.getByRole('option', { name: new RegExp(`\\+${ALICE}`) })
    const bob = conversations.getByRole('option', { name: new RegExp(`\\+${BOB}`) })
    const thread = app.getByRole('region', { name: /^Conversation with / })
    const dock = thread.getByRole('form', { name: /^Message to / })

    await alice.click()
    await expect(dock.getByTestId('window-notice')).toContainText('Window open')
    await dock.getByLabel('Message', { exact: true }).fill('Half-written answer for Alice')
    await bob.click()
    await expect(thread).toContainText(`+${BOB}`)
    await expect(dock.getByLabel('Message', { exact: true })).toHaveValue('')
    await dock.getByLabel('Message', { exact: true }).fill('Note for Bob')
    await alice.click()
    await expect(dock.getByLabel('Message', { exact: true })).toHaveValue('Half-written answer for Alice')
    // Kept by the core, not only by this page.
    await app.reload()
    await expect(app.getByTestId('connection-state')).toHaveText('Connected')
    await expect(app.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible()
    await bob.click()
    await expect(dock.getByLabel('Message', { exact: true })).toHaveValue('Note for Bob')

    // A reaction from the message's context menu; the draft stays.
    const inbound = thread.getByRole('article', { name: /^Received / }).first()
    await inbound.click({ button: 'right' })
    await app.getByRole('menu', { name: 'Message' }).getByRole('menuitem', { name: 'React' }).click()
    await expect(dock.getByRole('status').filter({ hasText: 'Reacting to Customer' })).toBeVisible()
    await expect(dock.getByRole('button', { name: 'Send', exact: true })).toBeDisabled()
    await dock.getByRole('button', { name: '👍' }).click()
    await dock.getByRole('button', { name: 'Send', exact: true }).click()
    await expect(inbound.getByRole('list', { name: 'Reactions' })).toContainText('👍')
    await expect(dock.getByRole('radio', { name: 'Text' })).toHaveAttribute('aria-checked', 'true')
    await expect(dock.getByLabel('Message', { exact: true })).toHaveValue('Note for Bob')

    // Mark as read: the customer's blue ticks, with the exchange to prove it.
    await inbound.getByRole('button', { name: 'Mark as read' }).click()
    const read = dock.getByRole('status', { name: 'Last mark as read' })
    await expect(read).toContainText('Marked as read')
    await read.getByText('Raw request and response').click()
    await expect(read.getByLabel('Request body')).toContainText('"status": "read"')
    await expect(inbound).toContainText('marked read')
    await expect(inbound.getByRole('button', { name: 'Mark as read' })).toHaveCount(0)
  })
})

test.describe('a customer who uses a username', () => {
  test.use({ serveArgs: ['--sandbox', '--no-customers', '--sandbox-quirks', 'off', '--sandbox-speed', '10'] })

  test('writes with a BSUID and no number; the reply goes to that BSUID and is read', async ({ app, serve }) => {
    const status = (await coreCall(serve, 'sandbox.status')) as { people: { name: string; phone: string | null; userId: string; username: string | null }[] }
    const person = status.people.find((p) => p.username !== null && p.phone === null)!
    expect(person).toBeDefined()
    await coreCall(serve, 'sandbox.simulateInbound', { type: 'text', from: person.userId })

    await app.keyboard.press('Control+2')
    const conversation = app.getByRole('listbox', { name: 'Conversations' }).getByRole('option', { name: new RegExp(person.name) })
    await expect(conversation).toContainText(person.username!)
    await expect(conversation).toContainText(person.userId)
    await conversation.click()
    const thread = app.getByRole('region', { name: `Conversation with ${person.name}` })
    await expect(thread.getByRole('heading', { level: 2 })).toContainText(person.userId)

    const dock = thread.getByRole('form', { name: /^Message to / })
    await expect(dock.getByTestId('window-notice')).toContainText('Window open')
    await dock.getByLabel('Message', { exact: true }).fill('Yes, it comes in blue too')
    await dock.getByRole('button', { name: 'Send', exact: true }).click()
    const outcome = dock.getByRole('status', { name: 'Last send' })
    await expect(outcome).toContainText(`to ${person.userId}`)
    await outcome.getByText('Raw request and response').click()
    await expect(outcome.getByLabel('Request body')).toContainText(`"recipient": "${person.userId}"`)
    await expect(outcome.getByLabel('Request body')).not.toContainText('"to"')
    const sent = thread.getByRole('article', { name: /^Sent / }).filter({ hasText: 'Yes, it comes in blue too' })
    await expect(sent.getByRole('button', { name: 'Status: read. Show the status timeline' })).toBeVisible({ timeout: READ_WITHIN })
    // Still one conversation: the statuses named the same customer.
    await expect(app.getByRole('listbox', { name: 'Conversations' }).getByRole('option')).toHaveCount(1)
  })
})

test.describe('composer without a working token', () => {
  test.use({ webhookSecrets: true })

  test('is blocked with the reason the token needs action, and where to fix it', async ({ app }) => {
    await expect(app.getByTestId('active-profile')).toHaveText('Profile: shop')
    await app.keyboard.press('Control+3')
    const composer = app.getByRole('form', { name: 'New message' })
    const block = composer.getByTestId('send-block')
    await expect(block).toContainText('Sending is blocked: This profile has no access token')
    await expect(block).toContainText('Create a system-user token')
    await expect(composer.getByLabel('To', { exact: true })).toBeDisabled()
    await expect(composer.getByRole('button', { name: 'Send', exact: true })).toBeDisabled()
    await block.getByRole('button', { name: 'Open Settings' }).click()
    await expect(app.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  })
})
