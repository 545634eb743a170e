import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { LoadRequest, LoadResult } from '../children/load'
import { Store } from '../../src/main/core/store'
import { benchSecrets, type ServeProcess } from '../support/app'
import { startChild } from '../support/child-process'
import type { BenchContext } from '../support/context'
import { mib, ms, num, ratio } from '../support/format'
import { figure, goal, type ScenarioResult } from '../support/results'
import type { SeededStore } from '../support/seed'

const CONNECTIONS = 64
const SECONDS = 10
const WARMUP_SECONDS = 3
const ROUNDS = 2

/** Signed webhook load against a URL: scenario 1's shape unless told otherwise (a fixed rate, a shorter run). */
export async function drive(
  context: BenchContext,
  url: string,
  tag: string,
  ackedFile?: string,
  shape: { rate?: number; seconds?: number; warmupSeconds?: number } = {},
): Promise<LoadResult> {
  const generator = await startChild<object>(context.distDir, 'load')
  try {
    const request: LoadRequest = {
      url,
      secret: benchSecrets.appSecret,
      tag,
      connections: CONNECTIONS,
      seconds: shape.seconds ?? SECONDS,
      warmupSeconds: shape.warmupSeconds ?? WARMUP_SECONDS,
      ...(shape.rate ? { rate: shape.rate } : {}),
      ...(ackedFile ? { ackedFile } : {}),
    }
    return await generator.request<LoadResult>({ ...request })
  } finally {
    await generator.stop()
  }
}

async function reference(context: BenchContext, name: 'bare-http' | 'express-app', tag: string): Promise<LoadResult> {
  const server = await startChild<{ url: string }>(context.distDir, name, { env: { BENCH_APP_SECRET: benchSecrets.appSecret } })
  try {
    return await drive(context, server.ready.url, tag)
  } finally {
    await server.stop()
  }
}

/** How many acknowledged events are in the store, and how many of this run's events it holds in all. */
function checkStored(dataDir: string, ackedFile: string, tag: string): { ackedStored: number; acked: number; storedTotal: number } {
  const keys = readFileSync(ackedFile, 'utf8').split('\n').filter(Boolean)
  const store = Store.open(dataDir, 5000)
  try {
    let ackedStored = 0
    for (const key of keys) {
      const [kind, wamid, status] = key.split(' ')
      if (kind === 'm' ? store.inbox.messageByWamid(wamid!) !== undefined : store.inbox.statuses(wamid!).some((row) => row.status === status)) ackedStored++
    }
    // Every round's wamids start with `wamid.bench<tag><round>`; `~` sorts after all of them.
    const prefix = `wamid.bench${tag}`
    const inbound = (store.db.prepare("SELECT COUNT(*) AS n FROM messages WHERE wamid >= ? AND wamid < ? AND direction = 'in'").get(prefix, `${prefix}~`) as { n: number }).n
    const statuses = (store.db.prepare('SELECT COUNT(*) AS n FROM statuses WHERE wamid >= ? AND wamid < ?').get(prefix, `${prefix}~`) as { n: number }).n
    return { ackedStored, acked: keys.length, storedTotal: inbound + statuses }
  } finally {
    store.close()
  }
}

/**
 * Deliveries of a burst are acknowledged before they are filed into the inbox; this waits until
 * serve has filed them all (so the next reference run does not share the CPU with that work) and
 * says how many were waiting and how long the inbox took to catch up.
 */
async function untilInboxCaughtUp(dataDir: string): Promise<{ backlog: number; seconds: number }> {
  const store = Store.open(dataDir, 5000)
  const pending = store.db.prepare('SELECT COUNT(*) AS n FROM webhook_requests WHERE inbox_pending = 1')
  try {
    const started = performance.now()
    const backlog = (pending.get() as { n: number }).n
    while ((pending.get() as { n: number }).n > 0) {
      if (performance.now() - started > 10 * 60_000) throw new Error('the inbox backlog did not clear within 10 minutes')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    return { backlog, seconds: backlog === 0 ? 0 : (performance.now() - started) / 1000 }
  } finally {
    store.close()
  }
}

function rssOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024
  return { rss: kb('VmRSS'), peak: kb('VmHWM') }
}

export interface IngestOutcome {
  ingest: Omit<ScenarioResult, 'seconds'>
  memory: Omit<ScenarioResult, 'seconds'>
}

/**
 * Scenario 1 (and 7, which reads the serve's memory right after it): signed, unique webhook
 * POSTs from autocannon in its own process against reference (a) bare node:http, reference (b)
 * Express 5, and the real `switchboard serve` on the 1,000,000-message store.
 */
export async function webhookIngestScenario(context: BenchContext, seeded: SeededStore, serve: ServeProcess): Promise<IngestOutcome> {
  const run = Date.now().toString(36)
  const ackedFile = join(context.workDir, `acked-${run}.txt`)
  const tag = `${run}s`
  const rounds: { bare: LoadResult; express: LoadResult; subject: LoadResult; catchUp: { backlog: number; seconds: number } }[] = []
  let memory: { rss: number; peak: number } | undefined
  const acked: string[] = []
  for (let round = 1; round <= ROUNDS; round++) {
    context.log(`  round ${round}: reference (a) bare node:http`)
    const bare = await reference(context, 'bare-http', `${run}a${round}`)
    context.log(`    ${num(bare.requestsPerSecond)} req/s; reference (b) Express 5`)
    const express = await reference(context, 'express-app', `${run}b${round}`)
    context.log(`    ${num(express.requestsPerSecond)} req/s; switchboard serve`)
    const subject = await drive(context, serve.webhookUrl, `${tag}${round}`, `${ackedFile}.${round}`)
    context.log(`    ${num(subject.requestsPerSecond)} req/s`)
    memory = rssOf(serve.pid)
    const catchUp = await untilInboxCaughtUp(seeded.dataDir)
    context.log(`    inbox caught up with ${num(catchUp.backlog)} deliveries in ${catchUp.seconds.toFixed(1)} s`)
    acked.push(readFileSync(`${ackedFile}.${round}`, 'utf8'))
    rounds.push({ bare, express, subject, catchUp })
  }
  // Half of the better saturated rate, paced: the latency Meta sees on a busy but not saturated day.
  const halfRate = Math.round(Math.max(...rounds.map((r) => r.subject.requestsPerSecond)) / 2)
  context.log(`  switchboard serve at half of saturation (${num(halfRate)} req/s)`)
  const half = await drive(context, serve.webhookUrl, `${tag}h`, `${ackedFile}.h`, { rate: halfRate })
  context.log(`    p99 ${ms(half.p99Ms, 2)}`)
  await untilInboxCaughtUp(seeded.dataDir)
  acked.push(readFileSync(`${ackedFile}.h`, 'utf8'))
  writeFileSync(ackedFile, acked.join(''))
  context.log('  checking every acknowledged event in the store')
  const stored = checkStored(seeded.dataDir, ackedFile, tag)
  // Other work on a shared machine only ever slows a run down: each side keeps its better round.
  const best = (pick: (r: (typeof rounds)[number]) => LoadResult) => rounds.map(pick).reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a))
  const bare = best((r) => r.bare)
  const express = best((r) => r.express)
  const subject = best((r) => r.subject)
  const slowestCatchUp = rounds.map((r) => r.catchUp).reduce((a, b) => (b.seconds > a.seconds ? b : a))

  const vsBare = subject.requestsPerSecond / bare.requestsPerSecond
  const vsExpress = subject.requestsPerSecond / express.requestsPerSecond
  const line = (r: LoadResult) => `${num(r.requestsPerSecond)} req/s · p50 ${ms(r.p50Ms, 2)} · p99 ${ms(r.p99Ms, 2)} · non-2xx ${num(r.non2xx)} · errors ${num(r.errors)}`
  return {
    ingest: {
      id: 1,
      title: 'Webhook ingest',
      workload:
        `Signed POSTs (X-Hub-Signature-256 over the raw body) of Meta-shaped deliveries, one event each: 60 % customer texts, 5 % captioned photos, 35 % statuses (sent → delivered → read); every wamid / status key unique. ` +
        `autocannon in its own process, ${CONNECTIONS} connections, ${SECONDS} s measured after ${WARMUP_SECONDS} s of warm-up, ${ROUNDS} rounds (each side's better round counts), then once paced at half of switchboard's better rate. Subject: switchboard serve on the ${num(seeded.result.messages)}-message store (WAL, synchronous=FULL, 200 only after the group commit; ` +
        `a burst is acknowledged once its raw requests are committed and filed into the inbox right after, so each round also waits until the inbox has caught up).`,
      reference: '(a) bare node:http: read body, check the HMAC, JSON.parse, 200 — no storage; (b) Express 5 + express.json (raw body kept) + HMAC check, 200 — no storage. Each in its own process, same load, same run.',
      figures: [
        figure('requestsPerSecond', 'switchboard: req/s', subject.requestsPerSecond, 'req/s'),
        figure('p50Ms', 'switchboard: p50 latency', subject.p50Ms, 'ms', 2),
        figure('p99Ms', 'switchboard: p99 latency', subject.p99Ms, 'ms', 2),
        figure('maxMs', 'switchboard: max latency', subject.maxMs, 'ms', 1),
        figure('non2xx', 'switchboard: non-2xx', subject.non2xx, ''),
        figure('errors', 'switchboard: connection errors / timeouts', subject.errors + subject.timeouts, ''),
        figure('acked', 'switchboard: events acked (2xx; both rounds and the half-load run, warm-ups included)', stored.acked, ''),
        figure('ackedStored', 'switchboard: acked events found in the store', stored.ackedStored, ''),
        figure('storedTotal', "switchboard: this run's events in the store", stored.storedTotal, ''),
        figure('inboxBacklog', 'switchboard: deliveries waiting for the inbox when the load ended (larger round)', slowestCatchUp.backlog, ''),
        figure('inboxCatchUpSeconds', 'switchboard: inbox caught up after the load ended (slower round)', slowestCatchUp.seconds, 's', 1),
        figure('halfLoadRate', 'switchboard at half of saturation: paced req/s', half.requestsPerSecond, 'req/s'),
        figure('halfLoadP99Ms', 'switchboard at half of saturation: p99 latency', half.p99Ms, 'ms', 2),
        figure('bareRequestsPerSecond', 'reference (a) bare node:http: req/s', bare.requestsPerSecond, 'req/s'),
        figure('bareP99Ms', 'reference (a): p99 latency', bare.p99Ms, 'ms', 2),
        figure('expressRequestsPerSecond', 'reference (b) Express 5: req/s', express.requestsPerSecond, 'req/s'),
        figure('expressP99Ms', 'reference (b): p99 latency', express.p99Ms, 'ms', 2),
      ],
      goals: [
        goal('req/s ≥ 0.6 × (a)', `${ratio(vsBare)} (${num(subject.requestsPerSecond)} vs ${num(bare.requestsPerSecond)})`, vsBare >= 0.6),
        goal('req/s ≥ 2 × (b)', `${ratio(vsExpress)} (${num(subject.requestsPerSecond)} vs ${num(express.requestsPerSecond)})`, vsExpress >= 2),
        goal('p99 ≤ 25 ms at saturation', ms(subject.p99Ms, 2), subject.p99Ms <= 25),
        goal('p99 ≤ 10 ms at half of saturation', `${ms(half.p99Ms, 2)} at ${num(half.requestsPerSecond)} req/s`, half.p99Ms <= 10),
        goal('every acked event stored', `${num(stored.ackedStored)} of ${num(stored.acked)} (in the inbox)`, stored.acked > 0 && stored.ackedStored === stored.acked),
      ],
      notes: [
        `Each side's better of ${ROUNDS} rounds (a, b, switchboard, then again); req/s per round: ` +
          rounds.map((r, i) => `round ${i + 1}: switchboard ${num(r.subject.requestsPerSecond)}, (a) ${num(r.bare.requestsPerSecond)}, (b) ${num(r.express.requestsPerSecond)}`).join('; ') +
          '.',
        `switchboard: ${line(subject)}`,
        `(a) bare node:http: ${line(bare)}`,
        `(b) Express 5: ${line(express)}`,
      ],
    },
    memory: {
      id: 7,
      title: 'Memory',
      workload: `Resident memory (VmRSS from /proc) of the switchboard serve process right after scenario 1's load, with ${num(seeded.result.messages)} messages (plus scenario 1's) stored.`,
      reference: '— (absolute goal)',
      figures: [figure('rssMB', 'serve RSS after scenario 1', Math.round((memory!.rss / 2 ** 20) * 10) / 10, 'MB', 1), figure('peakRssMB', 'serve peak RSS (VmHWM)', Math.round((memory!.peak / 2 ** 20) * 10) / 10, 'MB', 1)],
      goals: [goal('RSS < 200 MB', mib(memory!.rss), memory!.rss < 200 * 2 ** 20)],
      notes: [],
    },
  }
}
