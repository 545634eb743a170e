import { Store } from '../../src/main/core/store'
import { startChild, type Child } from '../support/child-process'
import type { BenchContext } from '../support/context'
import { mib, ms, num } from '../support/format'
import { MessageText } from '../support/message-text'
import { figure, goal, type ScenarioResult } from '../support/results'
import type { SeededStore } from '../support/seed'
import { median, summarize, timeSync } from '../support/stats'
import { SeededRandom } from '../support/random'

const SEARCH_QUERIES = 300
const SEARCH_PAGE = 100
const THREAD_PAGE = 60
const CONVERSATION_PAGE = 100
const COLD_OPENS = 5
/** Raw requests the retention prune deletes in the probe (its cost per request is what matters). */
const PRUNED = 10
/** A search slower than this is cut off (20× the goal); all searches together stop after the budget. */
const SEARCH_CAP_MS = 1000
const SEARCH_BUDGET_MS = 60_000

interface ColdOpen {
  openMs: number
  firstPageMs: number
  totalMs: number
  rows: number
}

/**
 * Scenario 4: the store with 1,000,000 messages. Reads go through the real `InboxQueries` with the
 * page sizes the inbox asks for (search 100, thread 60, conversations 100); cold opens run in a
 * fresh process each.
 */
export async function storeScenario(context: BenchContext, seeded: SeededStore): Promise<Omit<ScenarioResult, 'seconds'>> {
  const { result: seed } = seeded
  context.log(`  search: up to ${SEARCH_QUERIES} queries, each cut off at ${SEARCH_CAP_MS} ms, ${SEARCH_BUDGET_MS / 1000} s in all`)
  const searched = await measureSearches(context, seeded, new MessageText(seeded.seed).queries(SEARCH_QUERIES))
  const search = searched.samples
  const store = Store.open(seeded.dataDir)
  const profileId = store.profiles.byName(seeded.profileName)!.id
  const random = new SeededRandom(99)
  const threadPages: number[] = []
  const listPages: number[] = []
  const counts: number[] = []
  let pruneMs = Number.NaN
  let pruned = 0
  let requestCount: number
  try {
    context.log('  conversation list: every page')
    let after: { lastAt: number; key: string } | undefined
    const contacts: string[] = []
    for (;;) {
      let page: ReturnType<typeof store.inbox.conversations> = []
      listPages.push(timeSync(() => (page = store.inbox.conversations(profileId, CONVERSATION_PAGE, after))))
      contacts.push(...page.map((row) => row.key))
      const last = page[page.length - 1]
      if (!last || page.length < CONVERSATION_PAGE) break
      after = { lastAt: last.lastAt, key: last.key }
    }

    context.log('  threads: newest page and the page before it, 500 conversations')
    const sample = [...seed.busiestContacts, ...Array.from({ length: 495 }, () => contacts[random.int(contacts.length)]!)]
    for (const waId of sample) {
      let newest: ReturnType<typeof store.inbox.thread> = []
      threadPages.push(timeSync(() => (newest = store.inbox.thread(profileId, waId, THREAD_PAGE))))
      const oldest = newest[newest.length - 1]
      if (oldest && newest.length === THREAD_PAGE) threadPages.push(timeSync(() => store.inbox.thread(profileId, waId, THREAD_PAGE, { timestamp: oldest.timestamp, id: oldest.id })))
    }
    for (let i = 0; i < 20; i++) counts.push(timeSync(() => store.inbox.counts(profileId)))

    context.log(`  prune: the ${PRUNED} oldest raw requests`)
    const cutoff = store.db.prepare('SELECT received_at FROM webhook_requests ORDER BY received_at LIMIT 1 OFFSET ?').get(PRUNED) as { received_at: number } | undefined
    if (cutoff) pruneMs = timeSync(() => (pruned = store.inbox.pruneRequests(cutoff.received_at)))
    requestCount = (store.db.prepare('SELECT COUNT(*) AS n FROM webhook_requests').get() as { n: number }).n
  } finally {
    store.close()
  }

  context.log(`  cold open: ${COLD_OPENS} fresh processes`)
  const opens: ColdOpen[] = []
  for (let i = 0; i < COLD_OPENS; i++) {
    const child = await startChild<ColdOpen>(context.distDir, 'cold-open', { args: [seeded.dataDir, seeded.profileName] })
    opens.push(child.ready)
    await child.stop()
  }

  const s = summarize(search)
  const thread = summarize(threadPages)
  const list = summarize(listPages)
  const open = median(opens.map((o) => o.totalMs))
  const openOnly = median(opens.map((o) => o.openMs))
  const perPrune = pruned > 0 ? pruneMs / pruned : Number.NaN
  // Had the raw requests arrived over the year the messages span, 335 of 365 days would be past the 30-day retention.
  const yearOfRequests = Math.round(((requestCount + pruned) * 335) / 365)
  return {
    id: 4,
    title: 'Store: 1,000,000 messages',
    workload:
      `${num(seed.messages)} inbound messages (88 % text, 7 % captioned photos, 5 % voice/buttons; Zipf-distributed words) from ${num(seed.conversations)} customers over a year, ` +
      `written as Meta-shaped batches of 100 through the webhook parser and WebhookCapture, 200 requests per transaction, raw bodies kept. ` +
      `Reads through InboxQueries with the inbox's page sizes: ${SEARCH_QUERIES} searches (shop words, rare words, two words, prefixes, order numbers, no match; ${SEARCH_PAGE} hits a page), ` +
      `${num(threadPages.length)} thread pages of ${THREAD_PAGE} (newest and the one before), every conversation-list page of ${CONVERSATION_PAGE}; cold open = fresh process: open + first conversation page, median of ${COLD_OPENS}.`,
    reference: '— (absolute goals)',
    figures: [
      figure('insertPerSecond', 'insert rate', seed.perSecond, 'messages/s'),
      figure('insertSeconds', 'build time', seed.seconds, 's', 1),
      figure('databaseBytes', 'database size', Math.round(seed.databaseBytes / 2 ** 20), 'MB'),
      figure('searchP50Ms', 'search p50', s.p50, 'ms', 1),
      figure('searchP95Ms', 'search p95', s.p95, 'ms', 1),
      figure('searchMaxMs', 'search max', s.max, 'ms', 1),
      figure('searches', 'searches measured', search.length, ''),
      figure('searchHits', 'search hits returned (all searches)', searched.hits, ''),
      figure('searchesCutOff', `searches cut off at ${SEARCH_CAP_MS} ms`, searched.cutOff, ''),
      figure('threadPageP50Ms', 'thread page p50', thread.p50, 'ms', 2),
      figure('threadPageP95Ms', 'thread page p95', thread.p95, 'ms', 2),
      figure('conversationListPageP50Ms', 'conversation-list page p50', list.p50, 'ms', 2),
      figure('conversationListPageP95Ms', 'conversation-list page p95', list.p95, 'ms', 2),
      figure('countsP50Ms', 'inbox counts (sent with every list page) p50', median(counts), 'ms', 1),
      figure('coldOpenOnlyMs', 'cold open: Store.open only (median)', openOnly, 'ms', 1),
      figure('coldOpenMs', 'cold open + first conversation page (median)', open, 'ms', 1),
      figure('prunePerRequestMs', 'retention prune, per raw request deleted', perPrune, 'ms', 1),
    ],
    goals: [
      goal('search p95 < 50 ms', `${searched.cutOff > 0 && s.p95 >= SEARCH_CAP_MS ? '≥ ' : ''}${ms(s.p95)}`, s.p95 < 50),
      goal('page p95 < 5 ms (thread page)', ms(thread.p95, 2), thread.p95 < 5),
      goal('page p95 < 5 ms (conversation-list page)', ms(list.p95, 2), list.p95 < 5),
      goal('open < 200 ms', ms(open), open < 200),
    ],
    notes: [
      ...(search.length < SEARCH_QUERIES ? [`Only ${search.length} of ${SEARCH_QUERIES} searches ran within the ${SEARCH_BUDGET_MS / 1000} s budget; the percentiles are of those.`] : []),
      ...(searched.cutOff > 0
        ? [`${searched.cutOff} searches took longer than ${SEARCH_CAP_MS} ms and were cut off (counted as ${SEARCH_CAP_MS} ms, so the search figures are lower bounds).`]
        : []),
      `Retention prune (runs at start-up and every 6 h): ${ms(perPrune)} per raw request deleted (${pruned} deleted in ${ms(pruneMs, 0)}). ` +
        `Had this store's ${num(requestCount + pruned)} raw requests arrived over the year its messages span, start-up would first prune ~${num(yearOfRequests)} of them: ≈ ${num((perPrune * yearOfRequests) / 60_000, 1)} min with the event loop blocked. The seeded requests were received within the retention for that reason.`,
      `Database file ${mib(seed.databaseBytes)}; the OS page cache is warm (the bench does not drop the machine's caches).`,
    ],
  }
}

/**
 * Runs the searches in a child process, one at a time; a search that passes the cap is cut off
 * by ending the child (and counted at the cap), and a new child takes the next one.
 */
async function measureSearches(context: BenchContext, seeded: SeededStore, queries: string[]): Promise<{ samples: number[]; hits: number; cutOff: number }> {
  const samples: number[] = []
  let hits = 0
  let cutOff = 0
  let child: Child<object> | null = null
  const started = performance.now()
  try {
    // Warm-up: one search of each kind, in the first child, not counted.
    child = await startChild<object>(context.distDir, 'search', { args: [seeded.dataDir, seeded.profileName] })
    for (const query of queries.slice(0, 6)) {
      const answer = await within(child.request<{ ms: number; hits: number }>({ query, limit: SEARCH_PAGE }), SEARCH_CAP_MS)
      if (!answer) {
        await child.kill()
        child = await startChild<object>(context.distDir, 'search', { args: [seeded.dataDir, seeded.profileName] })
      }
    }
    for (const query of queries) {
      if (performance.now() - started > SEARCH_BUDGET_MS) break
      child ??= await startChild<object>(context.distDir, 'search', { args: [seeded.dataDir, seeded.profileName] })
      const answer = await within(child.request<{ ms: number; hits: number }>({ query, limit: SEARCH_PAGE }), SEARCH_CAP_MS)
      if (answer) {
        samples.push(answer.ms)
        hits += answer.hits
      } else {
        samples.push(SEARCH_CAP_MS)
        cutOff++
        await child.kill()
        child = null
      }
    }
  } finally {
    await child?.stop()
  }
  return { samples, hits, cutOff }
}

/** The promise's value, or null once `ms` have passed without one. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([promise, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)))]).finally(() => clearTimeout(timer))
}
