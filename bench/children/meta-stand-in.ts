import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ManualClock } from '../../src/main/core/clock'
import { startSandbox } from '../../src/main/core/sandbox'
import { countingProxy } from '../../test/support/counting-proxy'
import { answerRequests, reportReady } from '../support/child-side'

/**
 * Scenario 3's "Meta", in its own process: the built-in sandbox (on a manual clock, so the bench
 * can make tokens expire on demand) behind a counting proxy that tells how many refresh requests
 * really arrived. Rate limits are lifted: the scenario measures the client side.
 */
const clock = new ManualClock(Date.now())
const dataDir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'switchboard-bench-meta-'))
const sandbox = await startSandbox({ dataDir, clock, customers: false, quirks: false, messagesPerSecond: 10_000_000, pairBurst: 10_000_000 })
const proxy = await countingProxy(sandbox.url)

answerRequests((request) => {
  switch (request.command) {
    case 'advance':
      clock.advance(Number(request.ms))
      return Promise.resolve(null)
    case 'counts':
      return Promise.resolve({
        mint: proxy.count(/^POST \/v\d+\.\d+\/\d+\/access_tokens$/),
        exchange: proxy.count(/^GET \/v\d+\.\d+\/oauth\/access_token$/),
        debugToken: proxy.count(/^GET \/v\d+\.\d+\/debug_token$/),
        sends: proxy.count(/^POST \/v\d+\.\d+\/\d+\/messages$/),
      })
    default:
      return Promise.reject(new Error(`unknown command ${String(request.command)}`))
  }
})
reportReady({
  url: proxy.url,
  appId: sandbox.app.id,
  appSecret: sandbox.app.secret,
  phoneNumberId: sandbox.phoneNumbers[0]!.id,
  wabaId: sandbox.wabaId,
  systemUserId: sandbox.systemUserId,
  adminToken: sandbox.adminToken,
  accessToken: sandbox.currentToken(),
})
