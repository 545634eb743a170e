import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inbound } from '../../support/webhook-payloads'
import { sign, webhookHarness, type WebhookHarness } from '../../support/webhook'

/**
 * When the store cannot commit, nothing is acknowledged: Meta gets 503 (and redelivers later),
 * the UI hears about the fault, and the same delivery is stored once the fault is gone.
 */
describe('webhook listener when the store cannot commit', () => {
  let hook: WebhookHarness
  const faults: string[] = []
  beforeAll(async () => {
    hook = await webhookHarness()
    hook.core.events.on('webhook.listener', (state) => {
      if (state.storeFault) faults.push(state.storeFault)
    })
  })
  afterAll(() => hook.close())

  const pageCount = () => (hook.core.store.db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count

  const situations: [string, () => () => void][] = [
    [
      'the disk is full',
      () => {
        hook.core.store.db.exec(`PRAGMA max_page_count = ${pageCount()}`)
        return () => hook.core.store.db.exec('PRAGMA max_page_count = 1073741823')
      },
    ],
    [
      'the database is read-only',
      () => {
        hook.core.store.db.exec('PRAGMA query_only = 1')
        return () => hook.core.store.db.exec('PRAGMA query_only = 0')
      },
    ],
    [
      'another process holds the write lock',
      () => {
        const other = new DatabaseSync(join(hook.core.context.config.dataDir, 'switchboard.db'))
        other.exec('BEGIN EXCLUSIVE')
        return () => {
          other.exec('COMMIT')
          other.close()
        }
      },
    ],
  ]

  it.each(situations)('%s: 503 with Retry-After, the fault is shown, then the redelivery is stored', async (_situation, induce) => {
    const from = `49170${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`
    // Big enough to need fresh pages, so a full disk really stops it.
    const text = `please store me ${'x'.repeat(300_000)}`
    const body = inbound(from, 'Faulty', { type: 'text', text: { body: text } })
    const raw = JSON.stringify(body)
    faults.length = 0
    const undo = induce()
    const refused = await fetch(hook.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw, hook.appSecret) }, body: raw })
    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toBe('30')
    expect((await hook.core.call('webhook.status')).storeFault).toMatch(/cannot commit webhook deliveries/)
    expect(faults).toHaveLength(1)
    undo()

    expect((await hook.post(body)).status).toBe(200)
    expect((await hook.core.call('inbox.thread', { contact: from, limit: 5 })).messages.map((m) => m.text)).toEqual([text])
    expect((await hook.core.call('webhook.status')).storeFault).toBeNull()
  })
})
