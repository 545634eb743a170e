import { join, resolve } from 'node:path'
import { createCore, createLogger, defaultDataDir, graphBaseUrlFrom, prepareDataDir, Redactor, systemClock, type Core, type TunnelHostOptions } from '../core'
import type { CommandRun } from './command'
import { stringOption } from './options'
import { version } from '../version'

/** Builds the core the way every CLI command needs it, from the global options. */
export async function openCore(run: CommandRun, options: { longRunning?: boolean; tunnelHost?: TunnelHostOptions } = {}): Promise<Core> {
  const graphBaseUrl = graphBaseUrlFrom(run.io.env)
  const dataDir = resolve(stringOption(run.values['data-dir']) ?? defaultDataDir(run.io.env))
  prepareDataDir(dataDir)
  const redactor = new Redactor()
  const log = createLogger({ redactor, dir: join(dataDir, 'logs'), stderr: run.values.verbose === true })
  return createCore({
    dataDir,
    shell: 'browser',
    version,
    profile: stringOption(run.values.profile) ?? null,
    graphBaseUrl,
    clock: systemClock,
    log,
    redactor,
    validateResults: run.io.env.SWITCHBOARD_VALIDATE_RESULTS === '1',
    // A one-shot command (a cron job's refresh) may wait out a server's write; the server itself must not block.
    ...(options.longRunning ? {} : { storeBusyTimeoutMs: 5000 }),
    ...(options.tunnelHost ? { tunnelHost: options.tunnelHost } : {}),
  })
}

/** Runs a one-shot command with a core that is closed afterwards, whatever happens. */
export async function withCore<T>(run: CommandRun, work: (core: Core) => Promise<T>): Promise<T> {
  const core = await openCore(run)
  try {
    return await work(core)
  } finally {
    await core.close()
  }
}
