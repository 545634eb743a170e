import { spawnSync } from 'node:child_process'
import { assertBuilt, binEntry } from './serve'

export interface CliResult {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs the built `switchboard` CLI as a real process, the way a script or cron job would. */
export function runBuiltCli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  assertBuilt()
  const result = spawnSync(process.execPath, [binEntry, ...args], {
    input: options.input ?? '',
    env: options.env ?? process.env,
    encoding: 'utf8',
    timeout: 30_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}
