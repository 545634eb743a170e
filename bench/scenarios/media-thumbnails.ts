import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import type { MediaView, MessageView } from '@shared/contract'
import { openSocket, SocketClient } from '../../test/support/ws-client'
import { startServe, type ServeProcess } from '../support/app'
import { chromiumPath, launchChromium } from '../support/browser'
import type { BenchContext } from '../support/context'
import { ms, num } from '../support/format'
import { armThumbnails } from '../support/page-probes'
import { figure, goal, type ScenarioResult } from '../support/results'
import { maximum, median } from '../support/stats'
import { waitUntil } from '../support/wait'

const PHOTOS = 20
const RUNS = 9
const CUSTOMER = '4915112345678'
/** The window every other UI figure uses: only some of the photos are in view. */
const WINDOW = { width: 1280, height: 800 }
/** Tall enough that the thread shows all the photos at once (the probe checks it does). */
const TALL = { width: 1280, height: 5000 }
const GOAL_MS = 300

interface Opened {
  ms: number | null
  rowsMs: number | null
  /** Resource Timing: the first `/media/` request after the click went out, the last answer ended. */
  firstRequestMs: number | null
  lastResponseMs: number | null
  /** `/media/` requests the page made after the click. */
  files: number
  inView: number
  ready: number
  rendered: number
}

/** One contract call over browser mode's WebSocket API, as the UI makes it. */
async function call<T>(client: SocketClient, name: string, input?: unknown): Promise<T> {
  const envelope = (await client.call(name, input)) as { ok: true; value: T } | { ok: false; error: { message: string } }
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`)
  return envelope.value
}

/** One customer sends the photos; resolves once serve has fetched and stored every one (its auto-download). */
async function sendPhotos(serve: ServeProcess): Promise<string[]> {
  const attempt = await openSocket(serve.uiPort, { token: serve.token })
  if (!attempt.socket) throw new Error(`the WebSocket API refused the bench (${attempt.status})`)
  const client = new SocketClient(attempt.socket)
  try {
    const wamids = new Set<string>()
    for (let i = 0; i < PHOTOS; i++) wamids.add((await call<{ wamid: string }>(client, 'sandbox.simulateInbound', { type: 'image', from: CUSTOMER })).wamid)
    let mediaIds: string[] = []
    await waitUntil(`${PHOTOS} photos in the inbox`, async () => {
      const { messages } = await call<{ messages: MessageView[] }>(client, 'inbox.recent', { limit: 100 })
      mediaIds = messages.flatMap((m) => (wamids.has(m.wamid) && m.content.kind === 'media' && m.content.id ? [m.content.id] : []))
      return mediaIds.length === PHOTOS
    })
    await waitUntil(`${PHOTOS} photos stored`, async () => {
      const views = await Promise.all(mediaIds.map((mediaId) => call<MediaView>(client, 'media.get', { mediaId })))
      const failed = views.find((view) => view.state === 'failed' || view.state === 'gone')
      if (failed) throw new Error(`photo ${failed.mediaId} was not fetched: ${failed.error?.message ?? failed.state}`)
      return views.every((view) => view.state === 'stored')
    })
    return mediaIds
  } finally {
    attempt.socket.close()
  }
}

/** A fresh browser context (empty cache, fresh stores): load the UI, go to the Inbox, click the conversation, wait for the photos. */
async function openThread(browser: Browser, serve: ServeProcess, viewport: { width: number; height: number }, expected: number): Promise<Opened> {
  const fresh = await browser.newContext({ viewport })
  try {
    const page = await fresh.newPage()
    await page.goto(serve.uiUrl)
    await page.getByTestId('connection-state').filter({ hasText: 'Connected' }).waitFor()
    await page.keyboard.press('Control+2')
    const conversation = page.getByRole('listbox', { name: 'Conversations' }).getByRole('option')
    await conversation.first().waitFor()
    const count = await conversation.count()
    if (count !== 1) throw new Error(`expected the one conversation, found ${count}`)
    await page.evaluate(armThumbnails(expected))
    await conversation.click()
    const opened = await page.evaluate<Opened>('window.__thumbs.done')
    if (opened.ms === null) {
      throw new Error(`the photos were not all painted within 15 s (${viewport.width}×${viewport.height}: ${opened.inView} in view, ${opened.ready} of them loaded, ${opened.rendered} rendered)`)
    }
    return opened
  } finally {
    await fresh.close()
  }
}

/**
 * Scenario 9: opening a conversation whose 20 photos are already stored, in Chromium against
 * `switchboard serve --sandbox`: from the click to every photo in view painted. The thread is
 * virtualised and its images load lazily, so it runs twice: in a window tall enough for all 20,
 * and in the 1280×800 window of scenario 5 (the photos in view there).
 */
export async function mediaThumbnailsScenario(context: BenchContext): Promise<Omit<ScenarioResult, 'seconds'>> {
  const dataDir = join(context.workDir, `media-thumbnails-${Date.now().toString(36)}`)
  mkdirSync(dataDir, { recursive: true })
  const serve = await startServe(context.app, dataDir, ['--sandbox', '--no-customers', '--sandbox-quirks', 'off'])
  const browser = await launchChromium()
  const tall: Opened[] = []
  const standard: Opened[] = []
  try {
    context.log(`  a customer sends ${PHOTOS} photos; serve stores them`)
    await sendPhotos(serve)
    // Warm-up: one opening, not counted (serve's first media requests, Chromium's first decode).
    await openThread(browser, serve, TALL, PHOTOS)
    for (let run = 0; run < RUNS; run++) {
      tall.push(await openThread(browser, serve, TALL, PHOTOS))
      standard.push(await openThread(browser, serve, WINDOW, 1))
      context.log(`  run ${run + 1}: all ${PHOTOS} ${ms(tall[run]!.ms, 0)}; 1280×800 (${standard[run]!.inView} in view) ${ms(standard[run]!.ms, 0)}`)
    }
  } finally {
    await browser.close()
    await serve.stop()
  }
  const tallMs = tall.map((o) => o.ms!)
  const windowMs = standard.map((o) => o.ms!)
  const tallMedian = median(tallMs)
  const windowMedian = median(windowMs)
  const inWindow = standard.map((o) => o.inView)
  const inWindowText = Math.min(...inWindow) === Math.max(...inWindow) ? num(inWindow[0]!) : `${num(Math.min(...inWindow))}–${num(Math.max(...inWindow))}`
  return {
    id: 9,
    title: 'Media: a thread of 20 photos',
    workload:
      `switchboard serve --sandbox --no-customers --sandbox-quirks off; one customer sends ${PHOTOS} photos (sandbox.simulateInbound over the WebSocket API; 64×64 PNGs), which serve fetches and stores by itself; the bench waits until media.get says all are stored. ` +
      `Then, ${RUNS} times each plus one warm-up: Chromium (${chromiumPath}, the flags of playwright.config.ts) in a fresh context (empty cache) loads the UI, goes to the Inbox and clicks the conversation; ` +
      `timed on the page's clock from the click's pointerdown until every media attachment inside the thread's visible area shows an <img> that is complete with a natural width, decoded, and a frame has been painted after. ` +
      `The thread is virtualised and its images load lazily: in a ${TALL.width}×${TALL.height} window all ${PHOTOS} are in view (the probe requires it); in the ${WINDOW.width}×${WINDOW.height} window of scenario 5, those in view (${inWindowText}).`,
    reference: '— (absolute goal)',
    figures: [
      figure('allPaintedMedianMs', `click → all ${PHOTOS} photos painted (${TALL.width}×${TALL.height}), median`, tallMedian, 'ms'),
      figure('allPaintedWorstMs', `click → all ${PHOTOS} photos painted, slowest`, maximum(tallMs), 'ms'),
      figure('rowsMedianMs', 'of which click → first message rows on screen, median', median(tall.map((o) => o.rowsMs!)), 'ms'),
      figure('firstRequestMedianMs', 'of which click → first photo requested (/media/), median', median(tall.map((o) => o.firstRequestMs ?? Number.NaN)), 'ms'),
      figure('lastResponseMedianMs', 'of which click → last photo received, median', median(tall.map((o) => o.lastResponseMs ?? Number.NaN)), 'ms'),
      figure('windowPaintedMedianMs', `click → the ${inWindowText} photos in view painted (${WINDOW.width}×${WINDOW.height}), median`, windowMedian, 'ms'),
      figure('windowPaintedWorstMs', `click → the photos in view painted (${WINDOW.width}×${WINDOW.height}), slowest`, maximum(windowMs), 'ms'),
    ],
    goals: [
      goal(
        `open a thread of ${PHOTOS} stored photos → all thumbnails painted < ${GOAL_MS} ms`,
        `${ms(tallMedian, 0)} median, all ${PHOTOS} in view; ${ms(windowMedian, 0)} for the ${inWindowText} in view at ${WINDOW.width}×${WINDOW.height}`,
        tallMedian < GOAL_MS && windowMedian < GOAL_MS,
      ),
    ],
    notes: [
      `All ${PHOTOS} in view (ms): ${tallMs.map((t) => num(t)).join(', ')}; ${WINDOW.width}×${WINDOW.height} (ms): ${windowMs.map((t) => num(t)).join(', ')}.`,
      `Photos rendered by the thread at ${WINDOW.width}×${WINDOW.height} (in view + overscan): ${standard.map((o) => num(o.rendered)).join(', ')}; the goal counts those in view. /media/ requests per opening: ${tall.map((o) => num(o.files)).join(', ')} (all in view); ${standard.map((o) => num(o.files)).join(', ')} (${WINDOW.width}×${WINDOW.height}).`,
    ],
  }
}
