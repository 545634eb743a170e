import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

export const projectRoot = join(import.meta.dirname, '..', '..')
export const builtCli = join(projectRoot, 'out', 'main', 'cli.js')
/** The real `switchboard` launcher (it checks the Node version and keeps warnings out of the output). */
export const binEntry = join(projectRoot, 'bin', 'switchboard.mjs')

export function assertBuilt(): void {
  if (!existsSync(builtCli)) throw new Error('out/main/cli.js is missing: run `npm run build` first (npm test does).')
}

export interface ServeProcess {
  child: ChildProcess
  /** Every line printed on stdout, in order. */
  lines: string[]
  stderr: () => string
  uiUrl: string
  uiPort: number
  token: string
  webhookUrl: string
  webhookPort: number
  /** Waits for a stdout line matching the pattern (lines printed after start-up, e.g. `Public URL:`). */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/** Runs the built `switchboard serve` as a real child process and waits for its ready lines. */
export async function startServe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  assertBuilt()
  const child = spawn(process.execPath, [binEntry, 'serve', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const waiters = new Set<() => void>()
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line)
    for (const wake of waiters) wake()
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

  const waitForLine = (pattern: RegExp, timeoutMs = 15_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = lines.find((line) => pattern.test(line))
        if (found !== undefined) {
          cleanup()
          resolve(found)
        }
      }
      const timer = setTimeout(() => {
        cleanup()
        reject(new Error(`serve did not print ${String(pattern)} within ${timeoutMs} ms.\nstdout:\n${lines.join('\n')}\nstderr:\n${stderr}`))
      }, timeoutMs)
      const onExit = () => {
        cleanup()
        reject(new Error(`serve exited before printing ${String(pattern)}.\nstdout:\n${lines.join('\n')}\nstderr:\n${stderr}`))
      }
      const cleanup = () => {
        clearTimeout(timer)
        waiters.delete(check)
        child.off('exit', onExit)
      }
      waiters.add(check)
      child.once('exit', onExit)
      check()
    })

  const ui = await waitForLine(/^Switchboard UI: /)
  const webhook = await waitForLine(/^Webhook: /)
  const uiMatch = /^Switchboard UI: (http:\/\/127\.0\.0\.1:(\d+)\/)#token=([A-Za-z0-9_-]+)$/.exec(ui)
  const webhookMatch = /^Webhook: (http:\/\/127\.0\.0\.1:(\d+)\/webhook)$/.exec(webhook)
  if (!uiMatch || !webhookMatch) throw new Error(`unexpected ready lines:\n${ui}\n${webhook}`)

  return {
    child,
    lines,
    stderr: () => stderr,
    uiUrl: `${uiMatch[1]}#token=${uiMatch[3]}`,
    uiPort: Number(uiMatch[2]),
    token: uiMatch[3]!,
    webhookUrl: webhookMatch[1]!,
    webhookPort: Number(webhookMatch[2]),
    waitForLine,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return exited
    },
  }
}
