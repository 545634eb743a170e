import { spawn, spawnSync } from 'node:child_process'
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

/**
 * The same, without blocking this process: for a CLI that talks to a server this test process
 * runs (the sandbox), which a synchronous spawn would leave unanswered.
 */
export function runBuiltCliAsync(args: string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  assertBuilt()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binEntry, ...args], { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}
