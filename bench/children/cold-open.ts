import { Store } from '../../src/main/core/store'
import { reportReady } from '../support/child-side'

/**
 * Scenario 4's cold open, in a fresh process each time: open the store the way the core does
 * (pragmas, migration check) and read the first page of conversations, as the inbox needs it.
 */
const [dataDir, profileName] = process.argv.slice(2)
const started = performance.now()
const store = Store.open(dataDir!)
const opened = performance.now()
const profile = store.profiles.byName(profileName!)
const page = store.inbox.conversations(profile?.id ?? '', 100)
const firstPage = performance.now()
store.close()
reportReady({ openMs: opened - started, firstPageMs: firstPage - opened, totalMs: firstPage - started, rows: page.length })
