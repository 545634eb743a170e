import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebhookListener, type WebhookListener } from '../../../src/main/core/webhook/listener'
import { silentLogger } from '../../../src/main/core'
import { sign, webhookHarness, type WebhookHarness } from '../../support/webhook'

/** Opens a POST with a valid-looking signature header and sends `sent` of its `length` body bytes. */
async function partialPost(port: number, length: number, sent: number, secret: string): Promise<{ socket: Socket; answer: Promise<string> }> {
  const socket = connect(port, '127.0.0.1')
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
  const body = 'x'.repeat(length)
  socket.write(`POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Hub-Signature-256: ${sign(body, secret)}\r\nContent-Length: ${length}\r\n\r\n`)
  socket.write(body.slice(0, sent))
  const answer = new Promise<string>((resolve) => {
    let text = ''
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
    socket.on('close', () => resolve(text))
    socket.on('error', () => resolve(text))
  })
  return { socket, answer }
}

describe('what anyone who finds the tunnel URL can cost', () => {
  let hook: WebhookHarness
  let listener: WebhookListener
  beforeAll(async () => {
    hook = await webhookHarness()
    listener = await startWebhookListener({
      port: 0,
      committer: hook.core.webhook.committer,
      credentials: () => ({ profileId: null, appSecret: hook.appSecret, verifyToken: hook.verifyToken }),
      clock: hook.core.context.clock,
      log: silentLogger,
      inFlightBudget: 1024,
    })
  })
  afterAll(async () => {
    await listener.close()
    await hook.close()
  })

  it('holds at most the in-flight budget of bodies in memory over all connections; beyond it Meta is told to retry', async () => {
    const first = await partialPost(listener.port, 900, 800, hook.appSecret)
    const second = await partialPost(listener.port, 900, 400, hook.appSecret)
    // 800 + 400 bytes do not fit in 1,024: whichever body came second is refused while both are held open.
    const refused = await Promise.race([first.answer, second.answer])
    expect(refused).toMatch(/^HTTP\/1\.1 503/)
    expect(refused.toLowerCase()).toContain('retry-after')
    first.socket.destroy()
    second.socket.destroy()
  })

  it('keeps refused requests within a count and a size, the newest first', () => {
    const store = hook.core.store
    const insert = store.db.prepare(
      `INSERT INTO webhook_requests (received_at, method, path, headers, body, size, verdict, status, reason, signature, profile_id)
       VALUES (0, 'POST', '/webhook', '{}', ?, ?, 'rejected', 401, 'forged', 'invalid', NULL)`,
    )
    store.db.exec('DELETE FROM webhook_requests')
    for (let i = 0; i < 50; i++) insert.run(`body-${i}`.padEnd(100, 'x'), 100)
    const accepted = store.db.prepare(`INSERT INTO webhook_requests (received_at, method, path, headers, body, size, verdict, status, signature) VALUES (0, 'POST', '/webhook', '{}', '{}', 2, 'accepted', 200, 'valid')`)
    accepted.run()
    expect(store.inbox.pruneRefused(20, 1_000_000)).toBe(30)
    expect(store.inbox.pruneRefused(1000, 1000)).toBe(10)
    const left = store.db.prepare("SELECT body FROM webhook_requests WHERE verdict = 'rejected' ORDER BY id").all() as { body: string }[]
    expect(left.map((row) => row.body.slice(0, 7))).toEqual(['body-40', 'body-41', 'body-42', 'body-43', 'body-44', 'body-45', 'body-46', 'body-47', 'body-48', 'body-49'])
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM webhook_requests WHERE verdict = 'accepted'").get()).toEqual({ n: 1 })
  })
})
