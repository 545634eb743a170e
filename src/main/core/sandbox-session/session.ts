import { SwitchboardError, type SandboxStatus } from '@shared/contract'
import type { ActiveProfile } from '../active-profile'
import type { CoreContext } from '../context'
import type { GraphClients } from '../graph'
import type { ProfileService } from '../profiles'
import { setAppCallback, subscribeAppToWaba } from '../registration'
import { INBOUND_KINDS, startSandbox, type InboundKind, type Sandbox } from '../sandbox'
import type { WebhookService } from '../webhook'
import { clearEndpoint, findEndpoint, writeEndpoint } from './endpoint-file'

export const SANDBOX_PROFILE = 'sandbox'

export interface SandboxStartOptions {
  customers?: boolean
  port?: number
  seed?: number
  speed?: number
  tokenLifetimeSeconds?: number
  messagesPerSecond?: number
  pairBurst?: number
  quirks?: boolean
}

/**
 * Runs the simulator inside this process and makes it usable in one step: the `sandbox` profile
 * (secrets in the keychain like any profile), active, with the simulator's webhooks pointed at
 * this process's listener through the same Graph calls a real app uses.
 */
export class SandboxSession {
  private sandbox: Sandbox | undefined
  private webhookProblem: string | null = null
  /** The running tunnel's public origin: besides loopback, the only place the sandbox's handshakes may call. */
  private tunnelOrigin: string | null = null

  constructor(
    private readonly ctx: CoreContext,
    private readonly profiles: ProfileService,
    private readonly active: ActiveProfile,
    private readonly webhook: WebhookService,
    private readonly graphClients: GraphClients,
  ) {
    ctx.events.on('tunnel.changed', (tunnel) => {
      this.tunnelOrigin = tunnel.publicUrl ? originOf(tunnel.publicUrl) : null
    })
  }

  /** The running simulator's URL: this process's, else one run by another process on this data dir. */
  url(): string | null {
    return this.sandbox?.url ?? findEndpoint(this.ctx.config.dataDir)
  }

  status(): SandboxStatus {
    const sandbox = this.sandbox
    return {
      running: sandbox !== undefined,
      url: sandbox?.url ?? null,
      appId: sandbox?.app.id ?? null,
      wabaId: sandbox?.wabaId ?? null,
      phoneNumbers: sandbox?.phoneNumbers ?? [],
      customers: sandbox?.customers.running ?? false,
      profileId: this.profiles.byName(SANDBOX_PROFILE)?.id ?? null,
      webhookProblem: this.webhookProblem,
      requireAppSecret: sandbox?.requireAppSecret ?? false,
      people: (sandbox?.customers.list() ?? []).map((person) => ({ name: person.name, phone: person.waId, userId: person.userId, username: person.username })),
    }
  }

  async start(options: SandboxStartOptions = {}): Promise<SandboxStatus> {
    if (!this.sandbox) {
      await this.profiles.ensureKeychain()
      this.sandbox = await startSandbox({
        dataDir: this.ctx.config.dataDir,
        clock: this.ctx.clock,
        log: this.ctx.log,
        redactor: this.ctx.redactor,
        customers: options.customers ?? true,
        ...(options.port === undefined ? {} : { port: options.port }),
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        ...(options.speed === undefined ? {} : { speed: options.speed }),
        ...(options.tokenLifetimeSeconds === undefined ? {} : { tokenLifetimeSeconds: options.tokenLifetimeSeconds }),
        ...(options.messagesPerSecond === undefined ? {} : { messagesPerSecond: options.messagesPerSecond }),
        ...(options.pairBurst === undefined ? {} : { pairBurst: options.pairBurst }),
        ...(options.quirks === undefined ? {} : { quirks: options.quirks }),
        allowCallback: (url) => this.tunnelOrigin !== null && url.origin === this.tunnelOrigin,
      })
      writeEndpoint(this.ctx.config.dataDir, this.sandbox.url, this.sandbox.controlKey)
    }
    await this.ensureProfile(this.sandbox)
    await this.pointWebhooksHere(this.sandbox)
    this.announce()
    return this.status()
  }

  async stop(): Promise<SandboxStatus> {
    const sandbox = this.sandbox
    this.sandbox = undefined
    if (sandbox) {
      await sandbox.close()
      clearEndpoint(this.ctx.config.dataDir)
    }
    this.announce()
    return this.status()
  }

  setCustomers(running: boolean): SandboxStatus {
    const sandbox = this.require()
    if (running) sandbox.customers.start()
    else sandbox.customers.stop()
    this.announce()
    return this.status()
  }

  async simulateInbound(input: { type?: string | undefined; from?: string | undefined; username?: boolean | undefined } = {}): Promise<{ wamid: string }> {
    const sandbox = this.require()
    if (input.type !== undefined && !(INBOUND_KINDS as readonly string[]).includes(input.type)) {
      throw new SwitchboardError({ code: 'invalid_input', message: `The sandbox's customers send ${INBOUND_KINDS.join(', ')}; not "${input.type}"` })
    }
    return sandbox.customers.send({
      ...(input.type === undefined ? {} : { type: input.type as InboundKind }),
      ...(input.from === undefined ? {} : { from: input.from }),
      ...(input.username === undefined ? {} : { username: input.username }),
    })
  }

  async setMarketingPreference(from: string, value: 'stop' | 'resume'): Promise<SandboxStatus> {
    await this.require().customers.setMarketingPreference(from, value)
    return this.status()
  }

  setRequireAppSecret(on: boolean): SandboxStatus {
    this.require().setRequireAppSecret(on)
    this.announce()
    return this.status()
  }

  /** The simulator itself, for tests and the serve command. */
  get running(): Sandbox | undefined {
    return this.sandbox
  }

  private require(): Sandbox {
    if (!this.sandbox) throw new SwitchboardError({ code: 'not_configured', message: 'The sandbox is not running', fix: 'Start it first (Try the sandbox)' })
    return this.sandbox
  }

  /** Creates or refreshes the `sandbox` profile from the simulator's world and makes it active. */
  private async ensureProfile(sandbox: Sandbox): Promise<void> {
    const existing = this.profiles.byName(SANDBOX_PROFILE)
    const id = existing?.id ?? this.profiles.create(SANDBOX_PROFILE, 'sandbox').id
    const stored = await this.profiles.secrets(id)
    const phone = sandbox.phoneNumbers[0]
    await this.profiles.save({
      id,
      settings: { phoneNumberId: phone?.id ?? null, wabaId: sandbox.wabaId, systemUserId: sandbox.systemUserId },
      secrets: {
        appId: sandbox.app.id,
        appSecret: sandbox.app.secret,
        verifyToken: sandbox.verifyToken,
        adminToken: sandbox.adminToken,
        // The simulator is the authority on its own tokens (it renews the profile's token if it
        // lapsed while stopped); keep whatever the token service stored while it is still current.
        ...(stored.accessToken === sandbox.currentToken() ? {} : { accessToken: sandbox.currentToken() }),
      },
    })
    this.profiles.activate(id)
    await this.active.reload()
  }

  /** The app's callback → this process's listener, and the app subscribed to the WABA, via Graph. */
  private async pointWebhooksHere(sandbox: Sandbox): Promise<void> {
    const listener = this.webhook.status()
    if (!listener.url) {
      this.webhookProblem = 'The webhook listener is not running, so the sandbox has nowhere to deliver'
      return
    }
    const graph = this.graphClients.for(sandbox.url, 'v25.0')
    try {
      await setAppCallback(graph, {
        appId: sandbox.app.id,
        appToken: `${sandbox.app.id}|${sandbox.app.secret}`,
        callbackUrl: listener.url,
        verifyToken: sandbox.verifyToken,
        fields: ['messages', 'smb_message_echoes', 'user_preferences'],
      })
      await subscribeAppToWaba(graph, { wabaId: sandbox.wabaId, token: sandbox.adminToken, proof: false })
      this.webhookProblem = null
    } catch (error) {
      this.webhookProblem = error instanceof Error ? error.message : String(error)
      this.ctx.log.warn('could not point the sandbox webhooks at the listener', { error: this.webhookProblem })
    }
  }

  private announce(): void {
    this.ctx.events.emit('sandbox.changed', this.status())
  }
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}
