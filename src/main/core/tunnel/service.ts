import {
  SwitchboardError,
  tunnelProviders,
  type ListenerState,
  type RegistrationMode,
  type RegistrationResult,
  type SelfTestResult,
  type TunnelProviderKind,
  type TunnelStartInput,
  type TunnelState,
  type TunnelStatus,
  type UnregisterResult,
  type WebhookHealth,
} from '@shared/contract'
import type { ActiveProfile } from '../active-profile'
import type { ClockTimer } from '../clock'
import type { CoreContext } from '../context'
import type { Logger, Redactor } from '../log'
import type { WebhookRegistrar } from '../registration'
import type { Vault } from '../secrets'
import type { ProfileRow, Store } from '../store'
import { WEBHOOK_PATH, type WebhookService } from '../webhook'
import { CloudflaredProvider, type CloudflaredOptions } from './cloudflared-provider'
import { ManualProvider } from './manual-provider'
import { ngrokLibraryForwarder } from './ngrok-library'
import { NgrokProvider, type NgrokForwarder } from './ngrok-provider'
import { parsePublicUrl, webhookUrlOf } from './public-url'
import { probeWebhook } from './self-test'
import type { TunnelProvider } from './types'

export interface TunnelServiceDeps {
  ctx: CoreContext
  store: Store
  active: ActiveProfile
  vault: Vault
  webhook: WebhookService
  registrar: WebhookRegistrar
}

/** What a provider is built from. */
export interface ProviderContext {
  /** The listener's root, `http://127.0.0.1:<port>`. */
  originUrl: string
  listenerUrl: string
  redactor: Redactor
  log: Logger
}

/** Settings of the host (the CLI, the Electron main process, tests), not of the UI. */
export interface TunnelHostOptions {
  /** The cloudflared executable; `cloudflared` in PATH's directories by default (never the current one). Never taken from the UI: it is run. */
  cloudflaredPath?: string
  /** Accept `http://` loopback manual URLs for every profile (tests). Sandbox profiles always may. */
  allowHttpLoopback?: boolean
  /**
   * Where cloudflared is looked up (PATH) and what of it the process gets (PATH, home, temp and
   * proxy variables only: child-environment.ts), and where `NGROK_AUTHTOKEN` is looked up when the
   * profile has none.
   */
  env?: NodeJS.ProcessEnv
  ngrokForwarder?: NgrokForwarder
  cloudflared?: Pick<CloudflaredOptions, 'backoffMs' | 'startTimeoutMs' | 'stableAfterMs' | 'killAfterMs'>
  /** Run the self-test by itself once a tunnel is online (default on). */
  autoSelfTest?: boolean
  /** How often that self-test is tried (a new quick tunnel can take a moment to be reachable). */
  selfTestAttempts?: number
  selfTestRetryMs?: number
  /** Tests: a provider of their own for a start input; `undefined` falls back to the built-in ones. */
  providerFactory?: (input: TunnelStartInput, context: ProviderContext) => TunnelProvider | undefined
}

const AUTO_REREGISTER_KEY = 'tunnel.auto_reregister'
const choiceKey = (profileId: string) => `tunnel.choice.${profileId}`
const SHOWN_LOG_LINES = 50
const REQUESTS_SEARCHED = 200

const offline = (message: string) =>
  new SwitchboardError({ code: 'tunnel_unavailable', message, fix: 'Start the tunnel first (cloudflared, ngrok or a manual URL)' })

/**
 * The tunnel as one state machine the UI can follow (`tunnel.changed`): which provider, its state
 * and log lines, the self-test, and what is registered at Meta. Registrations are put back on Stop
 * and on close; ones left by a crashed Switchboard are put back by the next one on the data dir.
 */
export class TunnelService {
  private options: TunnelHostOptions = {}
  private provider: TunnelProvider | undefined
  private detach: (() => void) | undefined
  private input: TunnelStartInput | undefined
  private forwardPort: number | null = null
  private onlineUrl: string | null = null
  private selfTestResult: SelfTestResult | null = null
  private since: number
  private lastPhase: TunnelState = 'off'
  private generation = 0
  private recoveryPending = false
  private closed = false
  private readonly tasks = new Set<Promise<unknown>>()
  private readonly sleeps = new Set<{ timer: ClockTimer; wake: () => void }>()
  private readonly unsubscribe: (() => void)[] = []

  constructor(private readonly deps: TunnelServiceDeps) {
    this.since = deps.ctx.clock.now()
    this.unsubscribe.push(
      deps.registrar.onChange(() => this.announce()),
      deps.ctx.events.on('webhook.listener', (state) => this.listenerChanged(state)),
      // A sandbox profile's leftovers can only be put back once the sandbox runs again.
      deps.ctx.events.on('sandbox.changed', (status) => {
        if (status.running && this.recoveryPending) void this.recover()
      }),
    )
  }

  configure(options: TunnelHostOptions): void {
    this.options = { ...this.options, ...options }
  }

  /** The public `/webhook` URL while online. */
  webhookUrl(): string | null {
    const snapshot = this.provider?.snapshot()
    return snapshot?.phase === 'online' && snapshot.url ? webhookUrlOf(snapshot.url) : null
  }

  status(): TunnelStatus {
    const snapshot = this.provider?.snapshot()
    const publicUrl = snapshot?.phase === 'online' ? snapshot.url : null
    const profileId = this.deps.active.snapshot().profile?.id ?? null
    return {
      provider: this.provider?.kind ?? null,
      state: snapshot?.phase ?? 'off',
      publicUrl,
      webhookUrl: publicUrl ? webhookUrlOf(publicUrl) : null,
      error: snapshot?.error ?? null,
      fix: snapshot?.fix ?? null,
      since: this.since,
      retryAt: snapshot?.retryAt ?? null,
      restarts: snapshot?.restarts ?? 0,
      logs: snapshot ? snapshot.logs.slice(-SHOWN_LOG_LINES) : [],
      selfTest: this.selfTestResult,
      registrations: this.deps.registrar.records(),
      saved: profileId ? this.savedChoice(profileId) : null,
      autoReregister: this.autoReregister(),
    }
  }

  /** Starts (or replaces) the tunnel; resolves once it is online or has failed, with the status. */
  async start(input: TunnelStartInput): Promise<TunnelStatus> {
    const listener = this.deps.webhook.status()
    if (listener.port === null) {
      throw new SwitchboardError({
        code: 'not_configured',
        message: 'The webhook listener is not running, so there is nothing to expose',
        fix: 'Start the listener first (Webhooks → listener port)',
      })
    }
    const profile = this.deps.active.snapshot().profile
    const provider = await this.createProvider(input, listener.port, profile)
    await this.stopProvider()
    // Shutting down meanwhile: nothing may be started that close() would not stop.
    if (this.closed) throw offline('Switchboard is shutting down')
    this.attach(provider, input, listener.port)
    if (profile) this.deps.store.settings.set(choiceKey(profile.id), JSON.stringify({ provider: input.provider, url: input.url ?? null, domain: input.domain ?? null }))
    this.deps.ctx.log.info('tunnel starting', { provider: input.provider })
    await provider.start()
    return this.status()
  }

  /** Puts back what this process registered at Meta, then stops the provider. */
  async stop(): Promise<TunnelStatus> {
    await this.putBackOwned()
    await this.stopProvider()
    this.announce()
    return this.status()
  }

  async runSelfTest(): Promise<SelfTestResult> {
    const url = this.webhookUrl()
    if (!url) throw offline('The tunnel is not online, so there is nothing to test')
    const result = await this.probe(url)
    this.selfTestResult = result
    this.announce()
    return result
  }

  setAutoReregister(enabled: boolean): TunnelStatus {
    this.deps.store.settings.set(AUTO_REREGISTER_KEY, enabled ? '1' : '0')
    this.announce()
    return this.status()
  }

  async register(mode: RegistrationMode): Promise<RegistrationResult> {
    const url = this.webhookUrl()
    if (!url) throw offline('The tunnel is not online: Meta needs a public URL to call')
    return this.deps.registrar.register(this.requireProfile().id, mode, url)
  }

  /** Puts back this process's registrations and those a stopped Switchboard left behind. */
  async unregister(): Promise<UnregisterResult> {
    const own = await this.deps.registrar.unregisterOwned()
    const orphans = await this.deps.registrar.recoverOrphans()
    return { removed: [...own.removed, ...orphans.removed], failed: [...own.failed, ...orphans.failed] }
  }

  health(): Promise<WebhookHealth> {
    return this.deps.registrar.health(this.requireProfile().id, this.webhookUrl())
  }

  /** Puts back what a Switchboard that did not stop cleanly left registered (run at start, in the background). */
  recover(): Promise<void> {
    return this.track(
      this.runRecovery().catch((error: unknown) => {
        this.recoveryPending = true
        this.deps.ctx.log.warn('could not put back leftover webhook callbacks', { error: error instanceof Error ? error.message : String(error) })
      }),
    )
  }

  /** Resolves once background work (self-tests, re-registrations, recovery) is done. */
  async whenIdle(): Promise<void> {
    while (this.tasks.size > 0) await Promise.allSettled([...this.tasks])
  }

  async close(): Promise<void> {
    this.closed = true
    for (const off of this.unsubscribe.splice(0)) off()
    await this.putBackOwned()
    await this.stopProvider()
    await this.whenIdle()
    this.deps.registrar.release()
  }

  private async runRecovery(): Promise<void> {
    if (!this.deps.registrar.hasOrphans()) return
    const result = await this.deps.registrar.recoverOrphans()
    this.recoveryPending = result.failed.length > 0
    if (result.removed.length > 0) {
      this.deps.ctx.notify('info', `Put back ${result.removed.length} webhook callback(s) that a Switchboard which did not stop cleanly had left pointing at its tunnel`)
    }
    const first = result.failed[0]
    if (first) {
      this.deps.ctx.notify('warning', `${result.failed.length} webhook callback(s) left by a Switchboard that did not stop cleanly could not be put back yet (${first.error.message}); Switchboard tries again`)
    }
  }

  private async putBackOwned(): Promise<void> {
    if (!this.deps.registrar.hasOwned()) return
    const result = await this.deps.registrar.unregisterOwned()
    for (const { record, error } of result.failed) {
      this.deps.ctx.notify('error', `Meta still delivers to ${record.callbackUrl} (${record.mode} ${record.targetId}): putting back what was there failed: ${error.message}`)
    }
  }

  private async createProvider(input: TunnelStartInput, port: number, profile: ProfileRow | undefined): Promise<TunnelProvider> {
    const originUrl = `http://127.0.0.1:${port}`
    const context: ProviderContext = { originUrl, listenerUrl: `${originUrl}${WEBHOOK_PATH}`, redactor: this.deps.ctx.redactor, log: this.deps.ctx.log }
    const custom = this.options.providerFactory?.(input, context)
    if (custom) return custom
    switch (input.provider) {
      case 'manual': {
        const publicUrl = parsePublicUrl(input.url ?? '', { allowHttpLoopback: this.options.allowHttpLoopback === true || profile?.kind === 'sandbox' })
        return new ManualProvider({ publicUrl, listenerUrl: context.listenerUrl, probe: (url) => this.probe(url), redactor: context.redactor })
      }
      case 'cloudflared':
        return new CloudflaredProvider({
          originUrl,
          ...(this.options.cloudflaredPath ? { binary: this.options.cloudflaredPath } : {}),
          ...this.options.cloudflared,
          clock: this.deps.ctx.clock,
          redactor: context.redactor,
          log: context.log,
          env: this.options.env ?? process.env,
        })
      case 'ngrok': {
        const stored = profile ? (await this.deps.vault.load(profile.id)).ngrokAuthtoken : undefined
        return new NgrokProvider({
          addr: originUrl,
          authtoken: stored ?? (this.options.env ?? process.env).NGROK_AUTHTOKEN,
          ...(input.domain ? { domain: input.domain } : {}),
          forwarder: this.options.ngrokForwarder ?? ngrokLibraryForwarder(),
          redactor: context.redactor,
        })
      }
    }
  }

  private attach(provider: TunnelProvider, input: TunnelStartInput, port: number): void {
    this.generation++
    const generation = this.generation
    this.provider = provider
    this.input = input
    this.forwardPort = port
    this.onlineUrl = null
    this.selfTestResult = null
    this.detach = provider.onChange(() => this.providerChanged(provider, generation))
  }

  private providerChanged(provider: TunnelProvider, generation: number): void {
    if (generation !== this.generation) return
    const snapshot = provider.snapshot()
    if (snapshot.phase !== this.lastPhase) {
      this.lastPhase = snapshot.phase
      this.since = this.deps.ctx.clock.now()
    }
    // A manual URL is checked with the self-test itself: its check is the result.
    if (provider instanceof ManualProvider && provider.lastCheck) this.selfTestResult = provider.lastCheck
    if (snapshot.phase === 'online' && snapshot.url && snapshot.url !== this.onlineUrl) {
      this.onlineUrl = snapshot.url
      void this.track(this.afterOnline(provider, generation, snapshot.url))
    }
    this.announce()
  }

  /** Self-test the new URL, then point what this process registered at it. */
  private async afterOnline(provider: TunnelProvider, generation: number, url: string): Promise<void> {
    if (!(provider instanceof ManualProvider) && this.options.autoSelfTest !== false) {
      this.selfTestResult = null
      const attempts = Math.max(1, this.options.selfTestAttempts ?? 3)
      for (let attempt = 1; attempt <= attempts; attempt++) {
        const result = await this.probe(webhookUrlOf(url))
        if (generation !== this.generation) return
        this.selfTestResult = result
        this.announce()
        if (result.ok || attempt === attempts) break
        await this.sleep(this.options.selfTestRetryMs ?? 2000)
        if (generation !== this.generation) return
      }
    }
    if (!this.autoReregister() || !this.deps.registrar.hasOwned()) return
    const failed = await this.deps.registrar.reregisterOwned(webhookUrlOf(url))
    for (const { record, error } of failed) {
      this.deps.ctx.notify('error', `The tunnel moved to ${url}, but registering it for ${record.mode} ${record.targetId} failed: ${error.message}`)
    }
  }

  private async stopProvider(): Promise<void> {
    this.generation++
    for (const sleep of [...this.sleeps]) {
      this.deps.ctx.clock.clearTimeout(sleep.timer)
      sleep.wake()
    }
    const provider = this.provider
    this.detach?.()
    this.detach = undefined
    this.provider = undefined
    this.input = undefined
    this.forwardPort = null
    this.onlineUrl = null
    this.selfTestResult = null
    if (provider) await provider.stop()
    if (this.lastPhase !== 'off') {
      this.lastPhase = 'off'
      this.since = this.deps.ctx.clock.now()
    }
  }

  /** The listener moved to another port: a running provider must forward there instead. */
  private listenerChanged(state: ListenerState): void {
    const input = this.input
    if (!input || input.provider === 'manual' || state.port === null || this.forwardPort === null || state.port === this.forwardPort) return
    this.deps.ctx.log.info('webhook listener moved; restarting the tunnel', { from: this.forwardPort, to: state.port })
    void this.track(
      this.start(input).catch((error: unknown) => {
        this.deps.ctx.notify('error', `Restarting the tunnel failed: ${(error as Error).message}`)
      }),
    )
  }

  private probe(webhookUrl: string): Promise<SelfTestResult> {
    return probeWebhook({
      webhookUrl,
      verifyToken: this.deps.active.snapshot().secrets.verifyToken,
      now: () => this.deps.ctx.clock.now(),
      reachedListener: (challenge) => this.deps.store.inbox.requests(REQUESTS_SEARCHED).some((request) => request.path.includes(`hub.challenge=${challenge}`)),
    })
  }

  private requireProfile(): ProfileRow {
    const profile = this.deps.active.snapshot().profile
    if (!profile) throw new SwitchboardError({ code: 'not_configured', message: 'No profile is active', fix: 'Create or choose a profile in Settings' })
    return profile
  }

  private autoReregister(): boolean {
    return this.deps.store.settings.get(AUTO_REREGISTER_KEY) !== '0'
  }

  private savedChoice(profileId: string): TunnelStatus['saved'] {
    try {
      const saved = JSON.parse(this.deps.store.settings.get(choiceKey(profileId)) ?? 'null') as { provider?: unknown; url?: unknown; domain?: unknown } | null
      if (!saved || !(tunnelProviders as readonly unknown[]).includes(saved.provider)) return null
      return {
        provider: saved.provider as TunnelProviderKind,
        url: typeof saved.url === 'string' ? saved.url : null,
        domain: typeof saved.domain === 'string' ? saved.domain : null,
      }
    } catch {
      return null
    }
  }

  /** Waits on the core's clock; cut short when the tunnel stops. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry: { timer: ClockTimer; wake: () => void } = {
        timer: { id: -1 },
        wake: () => {
          this.sleeps.delete(entry)
          resolve()
        },
      }
      entry.timer = this.deps.ctx.clock.setTimeout(() => entry.wake(), ms)
      this.sleeps.add(entry)
    })
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.tasks.add(promise)
    const done = () => this.tasks.delete(promise)
    promise.then(done, done)
    return promise
  }

  private announce(): void {
    this.deps.ctx.events.emit('tunnel.changed', this.status())
  }
}
