import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SeedRequest, SeedResult } from '../children/seed-store'
import { storeWebhookSecrets } from './app'
import { startChild } from './child-process'
import type { BenchContext } from './context'

export interface SeededStore {
  dataDir: string
  profileName: string
  seed: number
  result: SeedResult
}

export const BENCH_PROFILE = 'shop'

/**
 * A data dir with the bench profile (app secret and verify token in the keychain, set through the
 * CLI so that `serve` checks signatures) and `messages` inbound messages in its store.
 */
export async function seedStore(context: BenchContext, name: string, messages: number, contacts: number, seed: number): Promise<SeededStore> {
  const dataDir = join(context.workDir, name)
  const saved = join(context.workDir, `${name}.seed.json`)
  if (existsSync(saved)) {
    const previous = JSON.parse(readFileSync(saved, 'utf8')) as SeededStore
    if (previous.result.messages >= messages) {
      // This run's keychain is new: put the app secret back for serve.
      storeWebhookSecrets(context.app, dataDir)
      context.log(`  reusing ${dataDir} (${previous.result.messages} messages; figures may include earlier runs' writes)`)
      return previous
    }
  }
  mkdirSync(dataDir, { recursive: true })
  storeWebhookSecrets(context.app, dataDir)
  const child = await startChild<object>(context.distDir, 'seed-store')
  try {
    const request: SeedRequest = { dataDir, profileName: BENCH_PROFILE, messages, contacts, seed }
    const result = await child.request<SeedResult>({ ...request })
    const seeded = { dataDir, profileName: BENCH_PROFILE, seed, result }
    writeFileSync(saved, JSON.stringify(seeded))
    return seeded
  } finally {
    await child.stop()
  }
}
