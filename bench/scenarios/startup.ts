import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { startServe, type ServeProcess } from '../support/app'
import type { BenchContext } from '../support/context'
import { kib, ms, num } from '../support/format'
import { figure, goal, type ScenarioResult } from '../support/results'
import type { SeededStore } from '../support/seed'
import { maximum, median } from '../support/stats'

const STARTS = 5

/** gzip -9 of every JavaScript file the renderer build ships. */
function rendererJs(rendererDir: string): { files: number; raw: number; gzip: number } {
  const assets = join(rendererDir, 'assets')
  const files = readdirSync(assets).filter((file) => file.endsWith('.js'))
  let raw = 0
  let gzip = 0
  for (const file of files) {
    const bytes = readFileSync(join(assets, file))
    raw += bytes.length
    gzip += gzipSync(bytes, { level: 9 }).length
  }
  return { files: files.length, raw, gzip }
}

/**
 * Scenario 6: `switchboard serve` from spawn to its ready lines on the 1,000,000-message store,
 * five times (each stopped with SIGTERM before the next; the last one stays up for scenarios 1
 * and 7), and the size of the renderer's JavaScript.
 */
export async function startupScenario(context: BenchContext, seeded: SeededStore): Promise<{ result: Omit<ScenarioResult, 'seconds'>; serve: ServeProcess }> {
  const times: number[] = []
  let serve: ServeProcess | null = null
  for (let i = 0; i < STARTS; i++) {
    if (serve) await serve.stop()
    serve = await startServe(context.app, seeded.dataDir)
    times.push(serve.readyMs)
    context.log(`  start ${i + 1}: ${num(serve.readyMs)} ms`)
  }
  const js = rendererJs(context.app.rendererDir)
  const ready = median(times)
  return {
    serve: serve!,
    result: {
      id: 6,
      title: 'Start-up and size',
      workload: `\`switchboard serve --data-dir <the ${num(seeded.result.messages)}-message store> --port 0 --webhook-port 0\` (profile with app secret in the keychain), from spawn to its \`Webhook:\` ready line, ${STARTS} starts, median; renderer JS = every .js file of the production renderer build, gzip -9.`,
      reference: '— (absolute goals)',
      figures: [
        figure('readyMedianMs', 'spawn → ready line, median', ready, 'ms'),
        figure('readyMaxMs', 'spawn → ready line, slowest', maximum(times), 'ms'),
        figure('rendererJsFiles', 'renderer JS files', js.files, ''),
        figure('rendererJsKB', 'renderer JS, raw', Math.round(js.raw / 1024), 'KB'),
        figure('rendererJsGzipKB', 'renderer JS, gzip', Math.round((js.gzip / 1024) * 10) / 10, 'KB', 1),
      ],
      goals: [goal('ready < 1.5 s', ms(ready, 0), ready < 1500), goal('renderer JS gzip < 300 KB', kib(js.gzip), js.gzip < 300 * 1024)],
      notes: [`Each start: ${times.map((t) => ms(t, 0)).join(', ')}. Node is started as bin/switchboard.mjs starts it on Node ≥ 22.12 (same module, warnings filtered), from the bench's own build in out/bench/app.`],
    },
  }
}
