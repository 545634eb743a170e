import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import type { Clock, ClockTimer } from '../clock'
import type { Logger, Redactor } from '../log'
import { childEnvironment } from './child-environment'
import { errorMessage, isRegisteredConnection, quickTunnelUrl } from './cloudflared-output'
import { findExecutable } from './executable'
import { StatefulProvider } from './provider-state'
import type { ProviderSnapshot, TunnelProvider } from './types'

export const INSTALL_CLOUDFLARED =
  'Install cloudflared so it is on PATH (https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/downloads/ — e.g. `brew install cloudflared`, `winget install --id Cloudflare.cloudflared`, or the .deb/.rpm from its GitHub releases), or give its path (`switchboard serve --cloudflared PATH`)'

/** Waits between restarts after the process died: 1 s, 2 s, 5 s, 10 s, then every 30 s. */
export const DEFAULT_BACKOFF_MS: readonly number[] = [1000, 2000, 5000, 10_000, 30_000]

export interface CloudflaredOptions {
  /** What the tunnel forwards to: the listener, `http://127.0.0.1:<port>`. */
  originUrl: string
  /** The executable; `cloudflared` (looked up on PATH) unless given. */
  binary?: string
  clock: Clock
  redactor: Redactor
  log: Logger
  /** Where PATH comes from; the process gets only the parts of it listed in child-environment.ts. */
  env?: NodeJS.ProcessEnv
  backoffMs?: readonly number[]
  /** How long a start may take before the process is stopped and started again. */
  startTimeoutMs?: number
  /** A process that stayed online this long before dying starts the backoff from the beginning. */
  stableAfterMs?: number
  /** How long a stopped process gets to exit before it is killed. */
  killAfterMs?: number
}

interface Run {
  child: ChildProcess
  url: string | null
  registered: boolean
  onlineAt: number | null
  lastError: string | null
  timedOut: boolean
  timer: ClockTimer | undefined
  ended: boolean
  closed: Promise<void>
}

/**
 * A cloudflared quick tunnel: `cloudflared tunnel --no-autoupdate --metrics 127.0.0.1:0 --url
 * <listener>`. Online once a connection is registered with Cloudflare's edge, at the URL the process
 * itself printed. Its metrics endpoint (`/quicktunnel` names the URL too) is never asked: a port
 * chosen for it beforehand could be taken by another local user's server in the meantime, which
 * would then decide where Meta sends webhooks; `:0` lets it bind whatever port it gets. A process
 * that dies is started again with backoff; quick tunnels get a new URL each time.
 */
export class CloudflaredProvider extends StatefulProvider implements TunnelProvider {
  readonly kind = 'cloudflared' as const
  private readonly binary: string
  private readonly backoff: readonly number[]
  private run: Run | undefined
  private retryTimer: ClockTimer | undefined
  private failures = 0
  private stopping = false

  constructor(private readonly options: CloudflaredOptions) {
    super(options.redactor)
    this.binary = options.binary ?? 'cloudflared'
    this.backoff = options.backoffMs?.length ? options.backoffMs : DEFAULT_BACKOFF_MS
  }

  start(): Promise<ProviderSnapshot> {
    this.stopping = false
    const settled = this.state.settled()
    this.launch()
    return settled
  }

  async stop(): Promise<void> {
    this.stopping = true
    if (this.retryTimer) this.options.clock.clearTimeout(this.retryTimer)
    this.retryTimer = undefined
    const run = this.run
    this.run = undefined
    if (run) {
      if (run.timer) this.options.clock.clearTimeout(run.timer)
      await this.terminate(run)
    }
    this.state.off()
  }

  private launch(): void {
    this.retryTimer = undefined
    if (this.stopping) return
    this.state.starting()
    const env = this.options.env ?? process.env
    const executable = findExecutable(this.binary, env)
    if (!executable) {
      this.notFound()
      return
    }
    const args = ['tunnel', '--no-autoupdate', '--metrics', '127.0.0.1:0', '--url', this.options.originUrl]
    this.state.log(`$ ${executable} ${args.join(' ')}`)
    const child = spawn(executable, args, { stdio: ['ignore', 'pipe', 'pipe'], env: childEnvironment(env), windowsHide: true })
    const run: Run = {
      child,
      url: null,
      registered: false,
      onlineAt: null,
      lastError: null,
      timedOut: false,
      timer: undefined,
      ended: false,
      closed: new Promise((resolve) => child.once('close', () => resolve())),
    }
    this.run = run
    for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', (line) => this.line(run, line))
    child.once('error', (error: NodeJS.ErrnoException) => this.spawnFailed(run, error))
    child.once('close', (code, signal) => this.exited(run, code, signal))
    run.timer = this.options.clock.setTimeout(() => this.timedOut(run), this.options.startTimeoutMs ?? 60_000)
  }

  /** A missing binary will not fix itself: no restart. */
  private notFound(): void {
    const where = this.binary.includes('/') || this.binary.includes('\\') ? `nothing at ${this.binary}` : `no "${this.binary}" on PATH`
    this.state.log(`(switchboard) cloudflared was not found: ${where}`)
    this.state.failed(`cloudflared is not installed (${where})`, INSTALL_CLOUDFLARED)
  }

  private line(run: Run, text: string): void {
    this.state.log(text)
    run.url ??= quickTunnelUrl(text)
    const error = errorMessage(text)
    if (error) run.lastError = error
    if (!run.registered && isRegisteredConnection(text)) {
      run.registered = true
      if (!run.url) this.state.log('(switchboard) cloudflared registered a connection but has not printed its quick tunnel URL; waiting')
    }
    if (run.registered && run.url && run.onlineAt === null) this.goOnline(run, run.url)
  }

  private goOnline(run: Run, url: string): void {
    if (run !== this.run || run.ended || this.stopping) return
    if (run.timer) this.options.clock.clearTimeout(run.timer)
    run.timer = undefined
    run.onlineAt = this.options.clock.now()
    this.state.online(url)
  }

  private spawnFailed(run: Run, error: NodeJS.ErrnoException): void {
    if (run.ended) return
    run.ended = true
    if (run.timer) this.options.clock.clearTimeout(run.timer)
    if (run !== this.run || this.stopping) return
    // A missing or unusable binary will not fix itself: no restart.
    if (error.code === 'ENOENT') {
      this.notFound()
    } else if (error.code === 'EACCES') {
      this.state.failed(`${this.binary} cannot be run (permission denied)`, 'Make it executable (chmod +x), or give the path of the cloudflared binary')
    } else {
      this.state.failed(`cloudflared could not be started: ${error.message}`, INSTALL_CLOUDFLARED)
    }
  }

  private exited(run: Run, code: number | null, signal: NodeJS.Signals | null): void {
    if (run.ended) return
    run.ended = true
    if (run.timer) this.options.clock.clearTimeout(run.timer)
    if (run !== this.run || this.stopping) return
    const now = this.options.clock.now()
    const stable = run.onlineAt !== null && now - run.onlineAt >= (this.options.stableAfterMs ?? 60_000)
    this.failures = stable ? 1 : this.failures + 1
    const delay = this.backoff[Math.min(this.failures, this.backoff.length) - 1] ?? 30_000
    const reason = run.timedOut
      ? `cloudflared did not report a quick tunnel within ${Math.round((this.options.startTimeoutMs ?? 60_000) / 1000)} s`
      : `cloudflared ${signal ? `was stopped by ${signal}` : `exited with code ${code ?? '?'}`}${run.lastError ? `: ${run.lastError}` : ''}`
    this.state.log(`(switchboard) ${reason}; starting it again in ${formatDelay(delay)}`)
    this.state.failed(reason, 'Switchboard starts it again by itself; the log lines above say why it stopped', now + delay)
    this.retryTimer = this.options.clock.setTimeout(() => {
      this.state.restarted()
      this.launch()
    }, delay)
  }

  private timedOut(run: Run): void {
    if (run !== this.run || run.ended || this.state.phase === 'online') return
    run.timedOut = true
    run.child.kill('SIGTERM')
  }

  /** SIGTERM, then SIGKILL if it lingers; resolves once the process is gone. */
  private async terminate(run: Run): Promise<void> {
    if (run.ended || run.child.pid === undefined) return
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGTERM')
    // Real time, not the core's clock: this is about the process, and must end even under a manual clock.
    const escalate = setTimeout(() => run.child.kill('SIGKILL'), this.options.killAfterMs ?? 5000)
    escalate.unref()
    await run.closed
    clearTimeout(escalate)
  }
}

function formatDelay(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`
}
