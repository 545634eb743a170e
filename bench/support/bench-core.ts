import { join } from 'node:path'
import { assembleCore, Redactor, silentLogger, systemClock, type CoreServices } from '../../src/main/core'
import type { BenchContext } from './context'

/** A core in the bench process, on its own data dir under the work dir, talking to `graphBaseUrl` ("Meta"), on the real clock. */
export function benchCore(context: BenchContext, name: string, graphBaseUrl: string): Promise<CoreServices> {
  return assembleCore({
    dataDir: join(context.workDir, name),
    shell: 'browser',
    version: '0.0.0-bench',
    graphBaseUrl,
    clock: systemClock,
    log: silentLogger,
    redactor: new Redactor(),
  })
}
