import { join } from 'node:path'
import type { LoadResult } from '../children/load'
import { startServe, storeWebhookSecrets, type ServeProcess } from '../support/app'
import { startChild, type Child } from '../support/child-process'
import type { BenchContext } from '../support/context'
import { ms, num, ratio } from '../support/format'
import { figure, goal, type ScenarioResult } from '../support/results'
import { drive } from './webhook-ingest'

interface BotCount {
  posts: number
  firstAt: number
  lastAt: number
  now: number
}

/** A fresh data dir with the bench profile, and serve on it (forwarding to `forwardTo` when given). */
async function serveOn(context: BenchContext, name: string, forwardTo?: string): Promise<ServeProcess> {
  const dataDir = join(context.workDir, name)
  storeWebhookSecrets(context.app, dataDir)
  return startServe(context.app, dataDir, forwardTo ? ['--forward-to', forwardTo] : [])
}

/** Waits until the bot has received `count` POSTs (or gives up after `timeoutMs`). */
async function untilBotHas(bot: Child<{ url: string }>, count: number, timeoutMs: number): Promise<BotCount> {
  const started = performance.now()
  for (;;) {
    const seen = await bot.request<BotCount>({ op: 'count' })
    if (seen.posts >= count) return seen
    if (performance.now() - started > timeoutMs) throw new Error(`the bot received ${seen.posts} of ${count} forwards within ${timeoutMs / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/**
 * Scenario 11: forwarding to the operator's bot (a bare node:http stand-in in its own process).
 * (1) The same signed load against serve without and with a forward target: how much of what
 * was acknowledged reached the bot by the time the load ended, and Meta's 200 latency either way.
 * (2) The bot down during a load, then back: how fast the backlog drains once it answers.
 */
export async function forwardingScenario(context: BenchContext): Promise<Omit<ScenarioResult, 'seconds'>> {
  const run = Date.now().toString(36)
  const bot = await startChild<{ url: string }>(context.distDir, 'bot')
  let plain: LoadResult
  let forwarded: LoadResult
  let atLoadEnd: BotCount
  let caughtUp: BotCount
  let backlog: LoadResult
  let drained: BotCount
  try {
    context.log('  serve without forwarding')
    const withoutServe = await serveOn(context, 'forward-off')
    try {
      plain = await drive(context, withoutServe.webhookUrl, `${run}f0`)
    } finally {
      await withoutServe.stop()
    }
    context.log(`    ${num(plain.requestsPerSecond)} req/s, p99 ${ms(plain.p99Ms, 2)}; serve forwarding to the bot`)

    const withServe = await serveOn(context, 'forward-on', bot.ready.url)
    try {
      forwarded = await drive(context, withServe.webhookUrl, `${run}f1`)
      atLoadEnd = await bot.request<BotCount>({ op: 'count' })
      caughtUp = await untilBotHas(bot, forwarded.acked, 5 * 60_000)
      context.log(`    ${num(forwarded.requestsPerSecond)} req/s, p99 ${ms(forwarded.p99Ms, 2)}; ${num(atLoadEnd.posts)} of ${num(forwarded.acked)} at the bot when the load ended`)

      context.log('  the bot down during a load, then back')
      await bot.request({ op: 'down' })
      await bot.request({ op: 'reset' })
      backlog = await drive(context, withServe.webhookUrl, `${run}f2`)
      await bot.request({ op: 'up' })
      // A paused target is probed at most a minute apart; the drain is timed from the first delivery on.
      drained = await untilBotHas(bot, backlog.acked, 5 * 60_000)
    } finally {
      await withServe.stop()
    }
  } finally {
    await bot.stop()
  }
  const keptUp = atLoadEnd.posts / forwarded.acked
  const drainSeconds = (drained.lastAt - drained.firstAt) / 1000
  const drainRate = drained.posts / Math.max(drainSeconds, 0.001)
  const tail = (caughtUp.lastAt - atLoadEnd.now) / 1000
  const p99Allowed = Math.max(plain.p99Ms * 1.25, plain.p99Ms + 1)
  return {
    id: 11,
    title: 'Forwarding to a local bot',
    workload:
      `Scenario 1's load (signed Meta-shaped deliveries, 64 connections, 3 s warm-up + 10 s) against serve on an empty store, once without and once with a forward target; ` +
      `then the bot refuses connections during the same load and comes back.`,
    reference: 'The same serve without forwarding, same load, same run (its ingest rate and p99).',
    figures: [
      figure('plainRequestsPerSecond', 'without forwarding: req/s', plain.requestsPerSecond, 'req/s'),
      figure('plainP99Ms', 'without forwarding: p99 latency', plain.p99Ms, 'ms', 2),
      figure('requestsPerSecond', 'forwarding: req/s', forwarded.requestsPerSecond, 'req/s'),
      figure('p99Ms', 'forwarding: p99 latency', forwarded.p99Ms, 'ms', 2),
      figure('acked', 'forwarding: deliveries acked (warm-up included)', forwarded.acked, ''),
      figure('atBotWhenLoadEnded', 'forwarding: at the bot when the load ended', atLoadEnd.posts, ''),
      figure('tailSeconds', 'forwarding: the rest reached the bot within', tail, 's', 1),
      figure('backlog', 'bot down: deliveries acked meanwhile', backlog.acked, ''),
      figure('drainSeconds', 'bot back: backlog drained in', drainSeconds, 's', 1),
      figure('drainPerSecond', 'bot back: drain rate', drainRate, 'deliveries/s'),
    ],
    goals: [
      goal('forwarded ≥ 0.8 × acked during the load', `${ratio(keptUp)} (${num(atLoadEnd.posts)} of ${num(forwarded.acked)})`, keptUp >= 0.8),
      goal('p99 with forwarding ≤ 1.25 × without (or + 1 ms)', `${ms(forwarded.p99Ms, 2)} vs ${ms(plain.p99Ms, 2)} without`, forwarded.p99Ms <= p99Allowed),
      goal('backlog drains ≥ 5,000/s', `${num(drainRate)}/s (${num(drained.posts)} in ${drainSeconds.toFixed(1)} s)`, drainRate >= 5000),
      goal('every acked delivery reached the bot', `${num(caughtUp.posts)} of ${num(forwarded.acked)}; ${num(drained.posts)} of ${num(backlog.acked)}`, caughtUp.posts >= forwarded.acked && drained.posts >= backlog.acked),
    ],
    notes: [`without: ${num(plain.requestsPerSecond)} req/s; with: ${num(forwarded.requestsPerSecond)} req/s (${ratio(forwarded.requestsPerSecond / plain.requestsPerSecond)})`],
  }
}
