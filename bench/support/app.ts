import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { sample } from '../../test/support/secrets'
import { track } from './cleanup'

/**
 * The app under test, built by `npm run bench` into out/bench/app (its own copy, so a bench run
 * never races a test run over out/). The CLI is started the way bin/switchboard.mjs starts it
 * on Node ≥ 22.12: the same module, with node:sqlite's experimental warning silenced.
 */
export interface BuiltApp {
  dir: string
  cli: string
  rendererDir: string
  /** Extra Node options for serve (e.g. `--cpu-prof`). */
  serveNodeArgs: string[]
}

export function builtApp(projectRoot: string, cpuProfileDir: string | null = null): BuiltApp {
  const dir = join(projectRoot, 'out', 'bench', 'app')
  const serveNodeArgs = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : []
  const app = { dir, cli: join(dir, 'main', 'cli.js'), rendererDir: join(dir, 'renderer'), serveNodeArgs }
  if (!existsSync(app.cli)) throw new Error(`${app.cli} is missing: run the bench through \`npm run bench\`, which builds it`)
  return app
}

const nodeArgs = ['--disable-warning=ExperimentalWarning']

export function runCli(app: BuiltApp, args: string[], input = ''): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [...nodeArgs, app.cli, ...args], { input, encoding: 'utf8', timeout: 60_000 })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** The secrets every bench profile uses: the listener checks signatures with this app secret. */
export const benchSecrets = { appSecret: sample.appSecret, verifyToken: sample.verifyToken }

/** Creates (or updates) the profile `shop` with the bench app secret and verify token, through the real CLI. */
export function storeWebhookSecrets(app: BuiltApp, dataDir: string): void {
  const result = runCli(app, ['credentials', 'set', '--data-dir', dataDir, '--profile', 'shop', '--read', 'app-secret', '--read', 'verify-token'], `${benchSecrets.appSecret}\n${benchSecrets.verifyToken}\n`)
  if (result.status !== 0) throw new Error(`credentials set failed (${result.status}):\n${result.stdout}\n${result.stderr}`)
}

export interface ServeProcess {
  child: ChildProcess
  pid: number
  /** From spawning the process to its `Webhook:` line (the last line printed when ready). */
  readyMs: number
  uiUrl: string
  uiPort: number
  token: string
  webhookUrl: string
  stderr(): string
  stop(): Promise<void>
}

/** Starts `switchboard serve` on a data dir (free ports) and waits for its two ready lines. */
export async function startServe(app: BuiltApp, dataDir: string, extraArgs: string[] = []): Promise<ServeProcess> {
  const started = performance.now()
  const child = spawn(process.execPath, [...nodeArgs, ...app.serveNodeArgs, app.cli, 'serve', '--data-dir', dataDir, '--port', '0', '--webhook-port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  track(child)
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const lines = createInterface({ input: child.stdout })
  const { ui, webhook, readyMs } = await new Promise<{ ui: string; webhook: string; readyMs: number }>((resolve, reject) => {
    let ui = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`serve was not ready within 60 s (stopped it):\n${stderr}`))
    }, 60_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`serve exited (${code}) before it was ready:\n${stderr}`))
    })
    lines.on('line', (line) => {
      if (line.startsWith('Switchboard UI: ')) ui = line
      if (line.startsWith('Webhook: ')) {
        clearTimeout(timer)
        resolve({ ui, webhook: line, readyMs: performance.now() - started })
      }
    })
  })
  const uiMatch = /^Switchboard UI: (http:\/\/127\.0\.0\.1:(\d+)\/)#token=([A-Za-z0-9_-]+)$/.exec(ui)
  const webhookMatch = /^Webhook: (http:\/\/127\.0\.0\.1:\d+\/webhook)$/.exec(webhook)
  if (!uiMatch || !webhookMatch) throw new Error(`unexpected ready lines:\n${ui}\n${webhook}`)
  return {
    child,
    pid: child.pid!,
    readyMs,
    uiUrl: `${uiMatch[1]}#token=${uiMatch[3]}`,
    uiPort: Number(uiMatch[2]),
    token: uiMatch[3]!,
    webhookUrl: webhookMatch[1]!,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}
