import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startPrivateKeyring } from '../test/support/keyring'
import { builtApp, startServe, type ServeProcess } from './support/app'
import { killTracked } from './support/cleanup'
import type { BenchContext } from './support/context'
import { describeMachine } from './support/machine'
import { parseOptions } from './support/options'
import type { BenchReport, ScenarioResult } from './support/results'
import { seedStore, type SeededStore } from './support/seed'
import { renderTable } from './support/table'
import { forwardingScenario } from './scenarios/forwarding'
import { graphClientScenario } from './scenarios/graph-client'
import { mediaDownloadScenario } from './scenarios/media-download'
import { mediaThumbnailsScenario } from './scenarios/media-thumbnails'
import { mediaUploadScenario } from './scenarios/media-upload'
import { singleFlightScenario } from './scenarios/single-flight'
import { startupScenario } from './scenarios/startup'
import { storeScenario } from './scenarios/store'
import { uiScenario } from './scenarios/ui'
import { webhookIngestScenario } from './scenarios/webhook-ingest'

/**
 * `npm run bench`: builds nothing itself (the npm script builds the app and this file first), then
 * runs the eleven scenarios and prints one table; the same figures go to
 * bench/results/latest.json.
 */
const distDir = dirname(fileURLToPath(import.meta.url))
const root = join(distDir, '..', '..', '..')
const options = parseOptions(process.argv.slice(2))
const started = performance.now()
const startedAt = new Date().toISOString()
const machine = describeMachine()
const log = (message: string) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`)

// serve needs a keychain for the app secret: a private gnome-keyring, as the tests use.
const keyring = startPrivateKeyring()
Object.assign(process.env, keyring.env)
const workDir = options.reuse ?? mkdtempSync(join(tmpdir(), 'switchboard-bench-'))
const keep = options.keep || options.reuse !== null
mkdirSync(workDir, { recursive: true })
const context: BenchContext = { root, distDir, app: builtApp(root, options.cpuProf === null ? null : resolve(options.cpuProf)), workDir, log }
const results: ScenarioResult[] = []
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killTracked()
    keyring.stop()
    if (!keep) rmSync(workDir, { recursive: true, force: true })
    process.exit(130)
  })
}

type Outcome = Omit<ScenarioResult, 'seconds'>

/** Runs scenarios that come out of one measurement (1 and 7 do); a failure is recorded against each. */
async function scenarios(ids: Record<number, string>, run: () => Promise<Outcome[]>): Promise<void> {
  const wanted = Object.keys(ids).map(Number).filter((id) => options.only.has(id))
  if (wanted.length === 0) return
  log(`scenario ${wanted.join(' + ')}: ${wanted.map((id) => ids[id]).join(' + ')}`)
  const begun = performance.now()
  try {
    const outcomes = await run()
    const seconds = (performance.now() - begun) / 1000
    for (const outcome of outcomes) if (options.only.has(outcome.id)) results.push({ ...outcome, seconds })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    log(`scenario ${wanted.join(' + ')} failed: ${error instanceof Error ? (error.stack ?? message) : message}`)
    const seconds = (performance.now() - begun) / 1000
    for (const id of wanted) results.push({ id, title: ids[id]!, workload: '—', reference: '—', figures: [], goals: [], notes: [], error: message.split('\n')[0]!, seconds })
  }
}

const scenario = (id: number, title: string, run: () => Promise<Outcome>) => scenarios({ [id]: title }, async () => [await run()])

try {
  let big: SeededStore | undefined
  const needsBig = [1, 4, 6, 7].some((id) => options.only.has(id))
  if (needsBig) {
    log(`building the store of ${options.messages.toLocaleString('en-US')} messages (scenarios 1, 4, 6, 7 use it)`)
    big = await seedStore(context, 'store-1m', options.messages, 20_000, 1)
    log(`  ${Math.round(big.result.perSecond).toLocaleString('en-US')} messages/s`)
  }

  if (options.only.has(5)) {
    log(`building the store of ${options.uiMessages.toLocaleString('en-US')} messages for the UI`)
    const small = await seedStore(context, 'store-ui', options.uiMessages, 1000, 2)
    await scenario(5, 'UI: inbox with 100,000 messages', () => uiScenario(context, small))
  }
  await scenario(2, 'Graph client: 5,000 sends', () => graphClientScenario(context))
  await scenario(3, 'Single flight: 1,000 sends, expired token', () => singleFlightScenario(context))
  await scenario(4, 'Store: 1,000,000 messages', () => storeScenario(context, big!))
  await scenario(8, 'Media: download of a 16 MB video', () => mediaDownloadScenario(context))
  await scenario(9, 'Media: a thread of 20 photos', () => mediaThumbnailsScenario(context))
  await scenario(10, 'Media: upload of a 100 MB document', () => mediaUploadScenario(context))
  await scenario(11, 'Forwarding to a local bot', () => forwardingScenario(context))

  // 6 starts serve on the big store; its last serve takes scenario 1's load, and 7 reads its memory after.
  let serve: ServeProcess | undefined
  try {
    await scenario(6, 'Start-up and size', async () => {
      const outcome = await startupScenario(context, big!)
      serve = outcome.serve
      return outcome.result
    })
    await scenarios({ 1: 'Webhook ingest', 7: 'Memory' }, async () => {
      serve ??= await startServe(context.app, big!.dataDir)
      const outcome = await webhookIngestScenario(context, big!, serve)
      return [outcome.ingest, outcome.memory]
    })
  } finally {
    await serve?.stop()
  }
} finally {
  keyring.stop()
  if (!keep) rmSync(workDir, { recursive: true, force: true })
  else log(`data kept in ${workDir}`)
}

results.sort((a, b) => a.id - b.id)
const report: BenchReport = { startedAt, seconds: (performance.now() - started) / 1000, machine, loadAverageAtEnd: Math.round(loadavg()[0]! * 100) / 100, scenarios: results }
const resultsDir = join(root, 'bench', 'results')
mkdirSync(resultsDir, { recursive: true })
writeFileSync(join(resultsDir, 'latest.json'), JSON.stringify(report, null, 2) + '\n')
process.stdout.write(renderTable(report) + '\n')
// Missed goals are results, not failures; a scenario that could not run is.
if (results.some((result) => result.error)) process.exitCode = 1
