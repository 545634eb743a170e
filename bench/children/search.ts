import { Store } from '../../src/main/core/store'
import { answerRequests, reportReady } from '../support/child-side'

/**
 * Scenario 4's searches, in a process the bench can stop: node:sqlite runs a query synchronously
 * and cannot be interrupted, so a search slower than the cap is cut off by ending this process.
 */
const [dataDir, profileName] = process.argv.slice(2)
const store = Store.open(dataDir!)
const profileId = store.profiles.byName(profileName!)?.id ?? ''
// Touch the database the way the inbox does on entry before the first search.
store.inbox.conversations(profileId, 100)

answerRequests((request) => {
  const started = performance.now()
  const hits = store.inbox.search(profileId, String(request.query), Number(request.limit), 0).length
  return Promise.resolve({ ms: performance.now() - started, hits })
})
reportReady({})
