import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'undici'
import { systemClock } from '../../src/main/core/clock'
import { startSandbox, type CustomerMediaKind } from '../../src/main/core/sandbox'
import { answerRequests, reportReady } from '../support/child-side'

/**
 * Scenarios 8 and 10's "Meta", in its own process (as Meta is another machine, and so that serving the
 * file never shares an event loop with what downloads it): the built-in sandbox on the real clock,
 * no simulated customers and no quirks. The bench asks it to make customer media of an exact size
 * and to have a customer send it; the webhook goes to the callback the bench registers through
 * `subscribe` (Graph's own registration calls, handshake included).
 */
const GRAPH_VERSION = 'v25.0'
const dataDir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'switchboard-bench-media-meta-'))
// Tokens outlive the run: the scenario measures downloads, not refreshes.
const sandbox = await startSandbox({ dataDir, clock: systemClock, customers: false, quirks: false, tokenLifetimeSeconds: 24 * 60 * 60 })
const phoneNumberId = sandbox.phoneNumbers[0]!.id

async function graphPost(path: string, token: string, params: Record<string, string>): Promise<void> {
  const answer = await request(`${sandbox.url}/${GRAPH_VERSION}/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  })
  const text = await answer.body.text()
  if (answer.statusCode !== 200) throw new Error(`POST /${path} answered ${answer.statusCode}: ${text}`)
}

answerRequests(async (message) => {
  switch (message.command) {
    case 'subscribe': {
      // The app's callback (Meta's handshake against the bench's listener first), then the app subscribed to the WABA.
      await graphPost(`${sandbox.app.id}/subscriptions`, `${sandbox.app.id}|${sandbox.app.secret}`, {
        object: 'whatsapp_business_account',
        callback_url: String(message.callbackUrl),
        verify_token: sandbox.verifyToken,
        fields: 'messages',
      })
      await graphPost(`${sandbox.wabaId}/subscribed_apps`, sandbox.adminToken, {})
      return null
    }
    case 'createMedia':
      return sandbox.customers.createMedia({ kind: message.kind as CustomerMediaKind, ...(message.bytes === undefined ? {} : { bytes: Number(message.bytes) }) })
    case 'send':
      return sandbox.customers.send({ mediaId: String(message.mediaId) })
    default:
      throw new Error(`unknown command ${String(message.command)}`)
  }
})
reportReady({
  url: sandbox.url,
  appId: sandbox.app.id,
  appSecret: sandbox.app.secret,
  phoneNumberId,
  wabaId: sandbox.wabaId,
  systemUserId: sandbox.systemUserId,
  adminToken: sandbox.adminToken,
  accessToken: sandbox.currentToken(),
  verifyToken: sandbox.verifyToken,
})
