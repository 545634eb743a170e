import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { openSocket, SocketClient } from '../support/ws-client'
import { envelope, inbound, inboundKinds, messagesValue, statusUpdate, wamid } from '../support/webhook-payloads'
import { expect, test } from './fixtures'

const ALICE = '15551230001'
const BOB = '15551230002'

const text = (body: string) => ({ type: 'text', text: { body } })

test.describe('inbox', () => {
  test.use({ webhookSecrets: true })

  test('messages arriving live appear without reload, and a thread opens with its messages', async ({ app, deliver }) => {
    // Meta's timestamps are whole seconds: space the messages so their order is certain.
    const base = Date.now() - 60_000
    await app.keyboard.press('Control+2')
    await expect(app.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible()
    await expect(app.getByText('No conversations yet')).toBeVisible()
    await expect(app.getByRole('button', { name: 'Open Webhooks' })).toBeVisible()

    expect(await deliver(inbound(ALICE, 'Alice Example', text('Hello, is my order shipped?'), base))).toBe(200)
    const conversations = app.getByRole('listbox', { name: 'Conversations' })
    const alice = conversations.getByRole('option', { name: /Alice Example/ })
    await expect(alice).toContainText('Hello, is my order shipped?')
    await expect(alice).toContainText('1 unread')

    const image = inboundKinds.find((k) => k.type === 'image')!
    expect(await deliver(inbound(BOB, 'Bob', image.message, base + 1000))).toBe(200)
    const bob = conversations.getByRole('option', { name: /Bob/ })
    await expect(bob).toContainText('Image')
    await expect(bob).toContainText('Broken box')
    // Most recent first.
    await expect(conversations.getByRole('option').first()).toContainText('Bob')
    await expect(app.getByTestId('live-counter')).toContainText('2 received this session')

    await alice.click()
    const thread = app.getByRole('region', { name: 'Conversation with Alice Example' })
    const messages = thread.getByRole('list', { name: 'Messages with Alice Example' })
    await expect(messages.getByRole('article')).toHaveCount(1)
    await expect(messages).toContainText('Hello, is my order shipped?')
    await expect(alice).not.toContainText('unread')
    await expect(alice).toHaveAttribute('aria-selected', 'true')

    // While the thread is open, a new message joins it and the conversation stays read.
    expect(await deliver(inbound(ALICE, 'Alice Example', text('Also, can I change the address?'), base + 2000))).toBe(200)
    await expect(messages.getByRole('article')).toHaveCount(2)
    await expect(messages.getByRole('article').last()).toContainText('Also, can I change the address?')
    await expect(messages.getByRole('article').last()).toBeInViewport({ ratio: 0.9 })
    await expect(conversations.getByRole('option').first()).toContainText('Also, can I change the address?')
    await expect(alice).not.toContainText('unread')

    // Arrow keys move through the list and Enter opens.
    await conversations.focus()
    await app.keyboard.press('ArrowDown')
    await app.keyboard.press('Enter')
    await expect(app.getByRole('region', { name: 'Conversation with Bob' })).toBeVisible()
    await expect(app.getByRole('region', { name: 'Conversation with Bob' })).toContainText('media id 1479537139650973')
  })

  test('renders every inbound type, reactions on their message, and outgoing statuses with their timeline', async ({ app, deliver }) => {
    const base = Date.now() - 60_000
    const first = { ...text('Do you ship to Berlin?'), id: wamid('first') }
    expect(await deliver(inbound(ALICE, 'Alice Example', first, base))).toBe(200)
    for (const [index, kind] of inboundKinds.entries()) {
      if (kind.type === 'reaction') continue
      expect(await deliver(inbound(ALICE, 'Alice Example', kind.message, base + (index + 1) * 1000))).toBe(200)
    }
    const reaction = { type: 'reaction', reaction: { message_id: first.id, emoji: '❤️' } }
    expect(await deliver(inbound(ALICE, 'Alice Example', reaction, base + 30_000))).toBe(200)
    // A message our bot sent (through another client), then its statuses: delivered, then failed.
    const sent = wamid('bot')
    expect(await deliver(statusUpdate(sent, ALICE, 'delivered', base + 40_000))).toBe(200)
    await app.keyboard.press('Control+2')
    await app.getByRole('option', { name: /Alice Example/ }).click()
    const messages = app.getByRole('list', { name: 'Messages with Alice Example' })

    const article = (text: string | RegExp) => messages.getByRole('article').filter({ hasText: text })
    // The thread opens on its newest messages; the reaction is folded into the first one, at the top.
    await expect(article('Sent by another client')).toBeVisible()
    await messages.press('Home')
    await expect(article('Do you ship to Berlin?').getByRole('list', { name: 'Reactions' })).toContainText('❤️')
    await expect(messages.getByText('Reacted ❤️')).toHaveCount(0)
    await expect(article('Voice message')).toContainText('media id 1479537139650974')
    await expect(article('invoice-42.pdf')).toContainText('media id 1479537139650976')
    await expect(article('Alexanderplatz')).toContainText('52.520007, 13.404954')
    await expect(article('Jane Doe')).toContainText('+1 555 0100')
    await messages.press('End')
    await expect(article('Yes, ship it')).toContainText('Tapped button')
    await expect(article('Tuesday 10:00')).toContainText('Chose from list')
    await expect(article('Stop promotions')).toContainText('STOP_PROMOS')
    await expect(article('Two of these please')).toContainText('sku-1')
    await expect(article('User A changed from')).toBeVisible()
    await expect(article('Unsupported message')).toContainText('Message type is currently not supported.')

    const outgoing = article('Sent by another client')
    await expect(outgoing.getByRole('button', { name: 'Status: delivered. Show the status timeline' })).toBeVisible()
    const failure = { errors: [{ code: 131026, title: 'Message undeliverable', error_data: { details: 'The recipient is not on WhatsApp' } }] }
    expect(await deliver(statusUpdate(sent, ALICE, 'failed', base + 50_000, failure))).toBe(200)
    await expect(outgoing).toContainText('Message undeliverable')
    await expect(outgoing).toContainText('The recipient is not on WhatsApp')
    await outgoing.getByRole('button', { name: 'Status: failed. Show the status timeline' }).click()
    const timeline = app.getByRole('dialog', { name: 'Status timeline' }).getByRole('list', { name: 'Statuses' })
    await expect(timeline.getByRole('listitem').first()).toContainText('delivered')
    await expect(timeline.getByRole('list', { name: 'Errors reported with failed' })).toContainText('131026 Message undeliverable')
    await expect(timeline.getByRole('list', { name: 'Errors reported with delivered' })).toHaveCount(0)
    await app.keyboard.press('Escape')

    // Read at the bottom, a new message scrolls into view.
    expect(await deliver(inbound(ALICE, 'Alice Example', text('One more thing'), base + 55_000))).toBe(200)
    await expect(article('One more thing')).toBeInViewport({ ratio: 0.9 })
  })

  test('search finds a message across conversations and opens its thread at it', async ({ app, deliver }) => {
    const at = Date.now() - 3_600_000
    expect(await deliver(inbound(ALICE, 'Alice Example', text('My parcel was damaged in transit'), at))).toBe(200)
    expect(await deliver(inbound(BOB, 'Bob', text('When do you open tomorrow?'), at + 1000))).toBe(200)
    await app.keyboard.press('Control+2')
    await expect(app.getByRole('listbox', { name: 'Conversations' }).getByRole('option')).toHaveCount(2)

    await app.getByRole('searchbox', { name: 'Search messages' }).fill('damag')
    const results = app.getByRole('listbox', { name: 'Search results' })
    await expect(results.getByRole('option')).toHaveCount(1)
    await expect(results.getByRole('option')).toContainText('Alice Example')
    await expect(results.locator('mark')).toHaveText('damaged')
    await expect(app.getByRole('status').filter({ hasText: '1 message found' })).toBeVisible()

    await results.getByRole('option').click()
    const thread = app.getByRole('region', { name: 'Conversation with Alice Example' })
    await expect(thread).toContainText('My parcel was damaged in transit')

    // A hit older than the newest page opens the thread at the hit, with a way back to the latest messages.
    const history = Array.from({ length: 100 }, (_, n) => ({ from: ALICE, id: `wamid.history${n}`, timestamp: String(Math.floor((at + 10_000 + n * 1000) / 1000)), type: 'text', text: { body: `Routine update ${n}` } }))
    expect(await deliver(envelope([{ field: 'messages', value: messagesValue({ messages: history }) }]))).toBe(200)
    await app.getByRole('searchbox', { name: 'Search messages' }).fill('parcel')
    await expect(results.getByRole('option')).toHaveCount(1)
    await results.getByRole('option').click()
    await expect(thread.getByRole('status').filter({ hasText: 'Showing the messages up to the search hit' })).toBeVisible()
    const hit = thread.getByRole('article').filter({ hasText: 'My parcel was damaged in transit' })
    await expect(hit).toBeInViewport({ ratio: 0.9 })
    await expect(thread.getByRole('article').filter({ hasText: 'Routine update 99' })).toHaveCount(0)
    await thread.getByRole('button', { name: 'Show latest messages' }).click()
    await expect(thread.getByRole('article').last()).toContainText('Routine update 99')
    await expect(thread.getByRole('status').filter({ hasText: 'Showing the messages up to the search hit' })).toHaveCount(0)

    await app.getByRole('searchbox', { name: 'Search messages' }).fill('nothing like this')
    await expect(app.getByText('No messages match “nothing like this”')).toBeVisible()
    await app.getByRole('searchbox', { name: 'Search messages' }).press('Escape')
    await expect(app.getByRole('listbox', { name: 'Conversations' }).getByRole('option')).toHaveCount(2)
  })

  test('exports every message and shows where the file was written', async ({ app, deliver, dataDir }) => {
    expect(await deliver(inbound(ALICE, 'Alice Example', text('Export me')))).toBe(200)
    await app.keyboard.press('Control+2')
    await expect(app.getByRole('option', { name: /Alice Example/ })).toBeVisible()
    await app.getByRole('button', { name: 'Export CSV' }).click()
    const done = app.getByRole('status').filter({ hasText: 'Exported 1 message to' })
    await expect(done).toContainText(dataDir)
    await expect(done).toContainText('.csv')
  })
})

test.describe('inbox at volume', () => {
  test.use({ webhookSecrets: true })

  test('stays virtualised and paged with 100,000 stored messages', async ({ app, deliver }) => {
    test.setTimeout(180_000)
    // 50,000 messages from Alice and 50 from each of 1,000 other customers, a minute apart, in batches of 1,000.
    const base = Date.now() - 200 * 86_400_000
    const other = (k: number) => String(15560000000 + (k % 1000))
    for (let batch = 0; batch < 100; batch++) {
      const contacts: unknown[] = []
      const messages: unknown[] = []
      for (let n = batch * 1000 + 1; n <= (batch + 1) * 1000; n++) {
        const from = n % 2 === 0 ? ALICE : other((n - 1) / 2)
        if (n % 2 === 0 || n <= 2000) contacts.push({ profile: { name: from === ALICE ? 'Alice Example' : `Customer ${from}` }, wa_id: from })
        messages.push({ from, id: `wamid.volume${n}`, timestamp: String(Math.floor((base + n * 60_000) / 1000)), type: 'text', text: { body: `Volume message ${n}` } })
      }
      expect(await deliver(envelope([{ field: 'messages', value: messagesValue({ contacts, messages }) }]))).toBe(200)
    }
    await app.keyboard.press('Control+2')
    await expect(app.getByTestId('live-counter')).toContainText('100,000 messages · 1,001 conversations')
    const conversations = app.getByRole('listbox', { name: 'Conversations' })
    await expect(conversations.getByRole('option').first()).toContainText('Volume message 100000')
    await expect(conversations.getByRole('option').first()).toHaveAttribute('aria-setsize', '1001')

    // Keyboard End goes to the last loaded row, which pages in the next 100, down to the oldest conversation.
    await expect(async () => {
      await conversations.press('End')
      await expect(conversations.locator('[aria-posinset="1001"]')).toBeVisible({ timeout: 1000 })
    }).toPass({ timeout: 60_000 })
    await expect(conversations.locator('[aria-posinset="1001"]')).toContainText('+15560000000')
    expect(await conversations.getByRole('option').count()).toBeLessThanOrEqual(300)

    await conversations.press('Home')
    await conversations.press('Enter')
    const messages = app.getByRole('list', { name: 'Messages with Alice Example' })
    await expect(messages.getByRole('article').last()).toContainText('Volume message 100000')
    // Scrolling to the top loads the previous page and keeps the reader's place.
    await messages.press('Home')
    await expect(messages.getByRole('article').filter({ hasText: 'Volume message 99880' })).toHaveCount(1)
    await expect(messages.getByRole('article').filter({ hasText: 'Volume message 99882' })).toBeInViewport({ ratio: 0.5 })
    await expect(async () => {
      await messages.press('Home')
      await expect(messages.getByRole('article').filter({ hasText: 'Volume message 99402' })).toBeInViewport({ timeout: 1000 })
    }).toPass({ timeout: 60_000 })
    expect(await messages.getByRole('article').count()).toBeLessThanOrEqual(300)
  })

  test('a burst of deliveries is coalesced into a few refreshes', async ({ page, serve, deliver }) => {
    const refreshes: number[] = []
    page.on('websocket', (socket) => {
      socket.on('framesent', (frame) => {
        if (typeof frame.payload === 'string' && frame.payload.includes('"inbox.conversations"')) refreshes.push(Date.now())
      })
    })
    await page.goto(serve.uiUrl)
    await page.keyboard.press('Control+2')
    await expect(page.getByText('No conversations yet')).toBeVisible()

    const started = Date.now()
    const base = started - 3_600_000
    const deliveries = Array.from({ length: 400 }, (_, n) => inbound(String(15570000000 + (n % 40)), `Burst ${n % 40}`, text(`Burst message ${n}`), base + n * 1000))
    for (let wave = 0; wave < deliveries.length; wave += 20) {
      const statuses = await Promise.all(deliveries.slice(wave, wave + 20).map((body) => deliver(body)))
      expect(statuses.every((status) => status === 200)).toBe(true)
    }
    const elapsed = Date.now() - started
    await expect(page.getByTestId('live-counter')).toContainText('400 received this session')
    await expect(page.getByRole('listbox', { name: 'Conversations' }).getByRole('option').first()).toContainText('Burst message 399')
    const during = refreshes.filter((at) => at >= started)
    // At most one refresh starts per 300 ms while the burst lasts, and up to two pick up the last
    // events after it: never one per delivery.
    expect(during.length).toBeGreaterThan(0)
    expect(during.length).toBeLessThanOrEqual(Math.floor(elapsed / 300) + 3)
    expect(during.length).toBeLessThan(deliveries.length / 10)
  })
})

/**
 * What a process killed mid-burst leaves: deliveries acknowledged and stored raw, not yet filed
 * into the inbox (`inbox_pending`). Written straight into the store before serve starts.
 */
function leaveUnfiledDeliveries(count: number) {
  return {
    run(dataDir: string) {
    const db = new DatabaseSync(join(dataDir, 'switchboard.db'))
    try {
      const { id } = db.prepare("SELECT id FROM profiles WHERE name = 'shop'").get() as { id: string }
      const insert = db.prepare(
        `INSERT INTO webhook_requests (received_at, method, path, remote, headers, body, size, verdict, status, reason, signature, profile_id, event_count, inbox_pending)
         VALUES (?, 'POST', '/webhook', '127.0.0.1', '{}', ?, ?, 'accepted', 200, NULL, 'valid', ?, 1, 1)`,
      )
      const base = Date.now() - 86_400_000
      db.exec('BEGIN')
      for (let n = 0; n < count; n++) {
        const body = JSON.stringify(inbound(String(15580000000 + (n % 500)), `Unfiled ${n % 500}`, { ...text(`Unfiled message ${n}`), id: `wamid.unfiled${n}` }, base + n * 1000))
        insert.run(base + n, body, body.length, id)
      }
      db.exec('COMMIT')
    } finally {
      db.close()
    }
    },
  }
}

test.describe('inbox catching up', () => {
  test.use({ webhookSecrets: true, beforeServe: leaveUnfiledDeliveries(100_000) })

  test('shows how many deliveries are still being filed, then every one of them', async ({ app }) => {
    test.setTimeout(120_000)
    await app.keyboard.press('Control+2')
    await expect(app.getByTestId('inbox-backlog')).toContainText(/filing [\d,]+ deliveries…/)
    await expect(app.getByTestId('inbox-backlog')).toBeHidden({ timeout: 90_000 })
    await expect(app.getByTestId('live-counter')).toContainText('100,000 messages · 500 conversations')
  })
})

test.describe('inbox with the sandbox', () => {
  test.use({ serveArgs: ['--sandbox', '--no-customers'] })

  test("a sandbox customer's message arrives live", async ({ app, serve }) => {
    await app.keyboard.press('Control+2')
    await expect(app.getByText('No conversations yet')).toBeVisible()
    const attempt = await openSocket(serve.uiPort, { token: serve.token })
    const client = new SocketClient(attempt.socket!)
    try {
      const sent = (await client.call('sandbox.simulateInbound', { type: 'text' })) as { ok: boolean }
      expect(sent.ok).toBe(true)
    } finally {
      attempt.socket!.close()
    }
    const conversations = app.getByRole('listbox', { name: 'Conversations' })
    await expect(conversations.getByRole('option')).toHaveCount(1)
    await conversations.getByRole('option').click()
    await expect(app.getByRole('region', { name: /^Conversation with / }).getByRole('article')).toHaveCount(1)
  })

  test('a customer’s photo shows inline and enlarges, a voice note plays, a document opens or saves: all from this machine', async ({ app, serve }) => {
    const attempt = await openSocket(serve.uiPort, { token: serve.token })
    const client = new SocketClient(attempt.socket!)
    try {
      for (const type of ['image', 'voice', 'document']) {
        const sent = (await client.call('sandbox.simulateInbound', { type, from: '4915112345678' })) as { ok: boolean }
        expect(sent.ok).toBe(true)
      }
    } finally {
      attempt.socket!.close()
    }
    const remote: string[] = []
    app.on('request', (request) => {
      if (!request.url().startsWith(`http://127.0.0.1:${serve.uiPort}/`)) remote.push(request.url())
    })
    await app.keyboard.press('Control+2')
    await app.getByRole('listbox', { name: 'Conversations' }).getByRole('option').click()
    const thread = app.getByRole('region', { name: /^Conversation with / })

    const photo = thread.getByRole('button', { name: 'Enlarge image' })
    await expect(photo.getByRole('img')).toHaveJSProperty('complete', true)
    expect(await photo.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64)
    await photo.click()
    const viewer = app.getByRole('dialog', { name: 'Here is a photo' })
    await expect(viewer.getByRole('img')).toBeVisible()
    await app.keyboard.press('Escape')
    await expect(viewer).toHaveCount(0)

    const voice = thread.getByRole('article').filter({ hasText: 'Voice message' })
    await expect.poll(() => voice.locator('audio').evaluate((audio: HTMLAudioElement) => audio.duration)).toBeGreaterThan(0.5)

    const document = thread.getByRole('article').filter({ hasText: 'invoice.pdf' })
    await expect(document.getByRole('link', { name: 'Open' })).toHaveAttribute('target', '_blank')
    const download = app.waitForEvent('download')
    await document.getByRole('link', { name: 'Save as…' }).click()
    expect((await download).suggestedFilename()).toBe('invoice.pdf')
    expect(remote).toEqual([])
  })
})
