import { chromium, type Browser, type Page } from 'playwright-core'
import type { LoadRequest, LoadResult } from '../children/load'
import { benchSecrets, type ServeProcess } from './app'
import { startChild } from './child-process'
import type { BenchContext } from './context'
import { maximum } from './stats'

/** Debian's Chromium with the launch flags of playwright.config.ts. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })

export const EVENTS_PER_SECOND = 500
export const BURST_SECONDS = 10

export interface LongTask {
  start: number
  duration: number
}

/** Blocks the page's main thread for 120 ms in one task. */
const busyTask = `new Promise((resolve) => setTimeout(() => { const until = performance.now() + 120; while (performance.now() < until); resolve(null) }, 0))`

const longTasks = (page: Page) => page.evaluate<LongTask[]>('window.__bench.longTasks')

/**
 * 500 signed webhook events/s for 10 s (autocannon, its own process) while `page` (with the
 * probes of page-probes.ts installed) stays open: the page's long tasks meanwhile. A 120 ms task
 * first checks that the observer sees long tasks at all, or "none" would mean nothing.
 */
export async function burstLongTasks(
  context: BenchContext,
  page: Page,
  serve: ServeProcess,
  tag: string,
): Promise<{ burst: LoadResult; calibrated: boolean; during: LongTask[]; longest: number }> {
  await page.evaluate(busyTask)
  await page.waitForTimeout(200)
  const calibrated = (await longTasks(page)).some((task) => task.duration >= 110)
  const burstStart = await page.evaluate<number>('performance.now()')
  const generator = await startChild<object>(context.distDir, 'load')
  let burst: LoadResult
  try {
    const request: LoadRequest = { url: serve.webhookUrl, secret: benchSecrets.appSecret, tag: `${tag}${Date.now().toString(36)}`, connections: 8, seconds: BURST_SECONDS, warmupSeconds: 0, rate: EVENTS_PER_SECOND }
    burst = await generator.request<LoadResult>({ ...request })
  } finally {
    await generator.stop()
  }
  // Let the last refreshes land before reading the probes.
  await page.waitForTimeout(1000)
  const during = (await longTasks(page)).filter((task) => task.start >= burstStart)
  return { burst, calibrated, during, longest: during.length ? maximum(during.map((task) => task.duration)) : 0 }
}
