import type { Page } from 'playwright-core'
import { startServe } from '../support/app'
import { BURST_SECONDS, burstLongTasks, chromiumPath, EVENTS_PER_SECOND, launchChromium } from '../support/browser'
import { countRows, installProbes, searchOnce } from '../support/page-probes'
import type { BenchContext } from '../support/context'
import { ms, num } from '../support/format'
import { figure, goal, type ScenarioResult } from '../support/results'
import type { SeededStore } from '../support/seed'
import { maximum, median } from '../support/stats'

const SEARCHES = ['refund', 'delivery', 'parcel damaged', 'invoice', 'courier']

interface Probe {
  inboxAt: number | null
  navKeyAt: number | null
}

interface Rows {
  conversations: number
  messages: number
  all: number
}

const probe = (page: Page) => page.evaluate<Probe>('window.__bench')

/**
 * Scenario 5: the inbox in Chromium against `switchboard serve` (browser mode) on a store of
 * 100,000 messages: opening it, searching, and staying responsive while webhooks pour in.
 */
export async function uiScenario(context: BenchContext, seeded: SeededStore): Promise<Omit<ScenarioResult, 'seconds'>> {
  const serve = await startServe(context.app, seeded.dataDir)
  const browser = await launchChromium()
  try {
    // Warm-up: one load of the app, in a context of its own (the measured load starts with an empty cache).
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(serve.uiUrl)
    await page.getByTestId('connection-state').filter({ hasText: 'Connected' }).waitFor()
    await page.close()

    context.log('  open the UI and go to the Inbox')
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const app = await fresh.newPage()
    await app.addInitScript({ content: installProbes })
    const searchFrames: number[] = []
    app.on('websocket', (socket) =>
      socket.on('framesent', (frame) => {
        if (typeof frame.payload === 'string' && frame.payload.includes('"inbox.search"')) searchFrames.push(Date.now())
      }),
    )
    await app.goto(serve.uiUrl)
    await app.getByTestId('connection-state').filter({ hasText: 'Connected' }).waitFor()
    await app.keyboard.press('Control+2')
    await app.getByRole('listbox', { name: 'Conversations' }).getByRole('option').first().waitFor()
    const opened = await probe(app)
    const pageLoadToInbox = opened.inboxAt!
    const keyToInbox = opened.inboxAt! - opened.navKeyAt!

    context.log(`  search: ${SEARCHES.length} queries`)
    const searches: number[] = []
    const toRequest: number[] = []
    for (const query of SEARCHES) {
      searchFrames.length = 0
      const answer = await app.evaluate<{ ms: number | null; startedWall: number }>(searchOnce(query))
      searches.push(answer.ms ?? Number.POSITIVE_INFINITY)
      if (searchFrames[0] !== undefined) toRequest.push(searchFrames[0] - answer.startedWall)
      await app.getByRole('searchbox', { name: 'Search messages' }).press('Escape')
      await app.getByRole('listbox', { name: 'Conversations' }).getByRole('option').first().waitFor()
    }

    context.log(`  ${EVENTS_PER_SECOND} webhook events/s for ${BURST_SECONDS} s with the busiest thread open`)
    await app.getByRole('listbox', { name: 'Conversations' }).getByRole('option').first().click()
    await app.getByRole('list', { name: /^Messages with / }).getByRole('article').first().waitFor()
    const { burst, calibrated, during, longest } = await burstLongTasks(context, app, serve, 'ui')
    const rowsAfterBurst = await app.evaluate<Rows>(countRows)

    context.log('  page the conversation list to its end')
    const list = app.getByRole('listbox', { name: 'Conversations' })
    for (let i = 0; i < 12; i++) {
      await list.press('End')
      await app.waitForTimeout(150)
    }
    const rowsPaged = await app.evaluate<Rows>(countRows)
    const mostRows = Math.max(rowsAfterBurst.conversations, rowsAfterBurst.messages, rowsPaged.conversations, rowsPaged.messages)
    const searchMedian = median(searches)
    const searchWorst = maximum(searches)
    await fresh.close()

    return {
      id: 5,
      title: 'UI: inbox with 100,000 messages',
      workload:
        `Chromium (${chromiumPath}, the flags of playwright.config.ts, 1280×800) on switchboard serve (browser mode) with ${num(seeded.result.messages)} stored messages from ${num(seeded.result.conversations)} customers. ` +
        `Open the UI URL in a fresh context (after one warm-up load) and press Ctrl+2 once connected; ${SEARCHES.length} searches typed into the search box (${SEARCHES.map((q) => `“${q}”`).join(', ')}), from the input event to the answer on screen; ` +
        `${EVENTS_PER_SECOND} signed webhook events/s for ${BURST_SECONDS} s (autocannon, its own process) with the busiest conversation open, long tasks from the page's PerformanceObserver; list rows in the DOM after the burst and after paging the conversation list to its end. Times on the page's clock.`,
      reference: '— (absolute goals)',
      figures: [
        figure('pageLoadToInboxMs', 'page load → inbox rendered', pageLoadToInbox, 'ms'),
        figure('ctrl2ToInboxMs', 'Ctrl+2 → inbox rendered', keyToInbox, 'ms'),
        figure('searchMedianMs', 'search → results, median', searchMedian, 'ms'),
        figure('searchWorstMs', 'search → results, slowest', searchWorst, 'ms'),
        figure('searchToRequestMs', 'of which input → request sent (debounce), median', toRequest.length ? median(toRequest) : null, 'ms'),
        figure('burstEvents', 'webhook events acked during the burst', burst.ok, `of ${num(burst.responses)}`),
        figure('burstRate', 'events/s achieved', burst.requestsPerSecond, '/s'),
        figure('longTasks', 'long tasks (> 50 ms) during the burst', during.length, ''),
        figure('longestTaskMs', 'longest task during the burst', longest, 'ms'),
        figure('conversationRows', 'conversation rows in the DOM (after paging to the end)', rowsPaged.conversations, ''),
        figure('messageRows', 'message rows in the DOM (after the burst)', rowsAfterBurst.messages, ''),
      ],
      goals: [
        goal('navigation → inbox rendered < 1 s', `${ms(pageLoadToInbox, 0)} (page load; Ctrl+2 alone ${ms(keyToInbox, 0)})`, pageLoadToInbox < 1000),
        goal('search → results < 150 ms', `${ms(searchMedian, 0)} median, ${ms(searchWorst, 0)} slowest`, searchWorst < 150),
        goal(
          'no task > 100 ms while 500 events/s arrive',
          !calibrated ? 'long tasks not observable in this browser' : during.length ? `longest ${ms(longest, 0)}, ${during.filter((t) => t.duration > 100).length} over 100 ms` : 'no long task (none > 50 ms)',
          calibrated && longest <= 100,
        ),
        goal('≤ 300 rows in the DOM', `${num(mostRows)} in the fullest list`, mostRows <= 300),
      ],
      notes: [
        `Searches: ${searches.map((s) => ms(s, 0)).join(', ')}.`,
        `Long-task observer calibrated with a 120 ms task before the burst: ${calibrated ? 'seen' : 'NOT seen'}.`,
      ],
    }
  } finally {
    await browser.close()
    await serve.stop()
  }
}
