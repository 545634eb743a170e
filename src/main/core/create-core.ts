import { callNames, unwrap, type CallInput, type CallName, type CallResult, type ListenerState, type MediaView } from '@shared/contract'
import { ActiveProfile } from './active-profile'
import { appHandlers } from './app'
import { prepareDataDir } from './data-dir'
import { ComposerService, composerHandlers } from './composer'
import { contextFor, type CoreConfig, type CoreContext } from './context'
import { createDispatch, type Dispatch, type Handlers } from './dispatch'
import { EnvImportService, envImportHandlers } from './env-file'
import { EventHub, type EventSource } from './events'
import { forwardHandlers, ForwardService } from './forward'
import { GraphClients } from './graph'
import { systemClock } from './clock'
import { inboxHandlers } from './inbox'
import { mediaHandlers, MediaService, type MediaFile, type MediaUpload } from './media'
import type { Logger } from './log'
import { profileHandlers, ProfileService } from './profiles'
import { WebhookRegistrar } from './registration'
import { sandboxHandlers, SandboxSession } from './sandbox-session'
import { statsHandlers } from './stats'
import { keytarKeychain, Vault } from './secrets'
import { Store } from './store'
import { tokenHandlers, TokenService, type GraphTargets } from './token'
import { tunnelHandlers, TunnelService } from './tunnel'
import { webhookHandlers, WebhookService } from './webhook'

/** Typed call through the dispatcher (validation included), unwrapped: throws `SwitchboardError`. */
export type CoreCall = <K extends CallName>(name: K, ...input: undefined extends CallInput<K> ? [CallInput<K>?] : [CallInput<K>]) => Promise<CallResult<K>>

/**
 * What a shell (the Electron app, browser mode, the command line) gets: the contract and its
 * events, and the lifecycle of a long-running process. Every operation goes through the contract.
 */
export interface Core {
  readonly dispatch: Dispatch
  readonly events: EventSource
  readonly log: Logger
  readonly call: CoreCall
  /** The webhook listener on this port (0: any free one; absent: the one the operator chose last). */
  startListener(port?: number): Promise<ListenerState>
  /**
   * Long-running processes keep every profile's token inspected and refreshed before it expires,
   * fetch small media as they arrive, and forward deliveries to the operator's bot.
   */
  startBackground(): Promise<void>
  /** The stored media file a `/media/<ticket>` URL (from `media.get`) names, or null: for the shells that serve it. */
  openMedia(this: void, ticket: string): MediaFile | null
  /** A file a shell hands over to send (the window's upload, the CLI's file): checked, uploaded to Meta, kept. */
  uploadMedia(this: void, upload: MediaUpload): Promise<MediaView>
  close(): Promise<void>
}

/** Everything the composition root built: for tests and benchmarks, which look inside. */
export interface CoreServices extends Core {
  readonly events: EventHub
  readonly handlers: Handlers
  readonly context: CoreContext
  readonly store: Store
  readonly profiles: ProfileService
  readonly vault: Vault
  readonly envImport: EnvImportService
  readonly active: ActiveProfile
  readonly webhook: WebhookService
  readonly sandbox: SandboxSession
  readonly tokens: TokenService
  readonly tunnel: TunnelService
  readonly media: MediaService
  readonly forward: ForwardService
}

/** The core as a shell uses it: only through the contract and the lifecycle. */
export async function createCore(config: CoreConfig): Promise<Core> {
  return assembleCore(config)
}

/**
 * The composition root: builds every concern from one config and returns the contract's handlers,
 * the dispatcher all transports share, and the event hub. Never imports `electron`.
 */
export async function assembleCore(config: CoreConfig): Promise<CoreServices> {
  prepareDataDir(config.dataDir)
  const events = new EventHub()
  const base = { config, clock: config.clock, events, log: config.log, redactor: config.redactor, startedAt: config.clock.now() }
  const context: CoreContext = contextFor(base, config.log)
  const store = Store.open(config.dataDir, config.storeBusyTimeoutMs)
  const vault = new Vault(config.keychain ?? keytarKeychain(), config.redactor)
  /** Each concern logs as itself: `{"concern":"webhook",…}`. */
  const contextOf = (concern: string): CoreContext => contextFor(base, config.log.child(concern))
  const profiles = new ProfileService({ ctx: contextOf('profiles'), store, vault })
  const envImport = new EnvImportService(profiles, store, config.clock)
  const active = new ActiveProfile({ ctx: contextOf('profiles'), profiles, vault })
  await active.start()
  const webhook = new WebhookService({ ctx: contextOf('webhook'), store, active })
  // Backoff between Graph retries is network time: always the real clock, even when tests drive a manual one.
  const graphClients = new GraphClients({ log: config.log.child('graph'), redactor: config.redactor, clock: systemClock, userAgent: `Switchboard/${config.version}` })
  const sandbox = new SandboxSession(contextOf('sandbox'), profiles, active, webhook, graphClients)
  const graphTargets: GraphTargets = { clients: graphClients, metaBaseUrl: config.graphBaseUrl, sandboxUrl: () => sandbox.url() }
  const tokens = new TokenService({ ctx: contextOf('token'), store, profiles, vault, active, targets: graphTargets, ...(config.tokenPolicy ? { policy: config.tokenPolicy } : {}) })
  const registrar = new WebhookRegistrar({ ctx: contextOf('registration'), store, profiles, vault, tokens, targets: graphTargets })
  const tunnel = new TunnelService({ ctx: contextOf('tunnel'), store, active, vault, webhook, registrar })
  if (config.tunnelHost) tunnel.configure(config.tunnelHost)
  const composer = new ComposerService({ ctx: contextOf('composer'), store, profiles, active, tokens })
  const media = new MediaService({ ctx: contextOf('media'), store, profiles, active, tokens })
  const forward = new ForwardService({ ctx: contextOf('forward'), store, vault, active, ...(config.forwardPolicy ? { policy: config.forwardPolicy } : {}) })

  const handlers: Handlers = {
    ...appHandlers(context, profiles, () => sandbox.url(), store),
    ...profileHandlers(profiles, vault),
    ...envImportHandlers(envImport, profiles),
    ...inboxHandlers(context, store, active, webhook, (contact) => composer.conversationOpened(contact)),
    ...webhookHandlers(webhook, store),
    ...tokenHandlers(tokens, profiles, active, graphTargets, config.clock),
    ...sandboxHandlers(sandbox),
    ...composerHandlers(composer),
    ...tunnelHandlers(tunnel),
    ...mediaHandlers(media),
    ...forwardHandlers(forward),
    ...statsHandlers(context, store, active),
  }
  assertComplete(handlers)

  const dispatch = createDispatch({
    handlers,
    log: config.log,
    redactor: config.redactor,
    validateResults: config.validateResults ?? false,
  })

  // Callbacks a crashed Switchboard left pointing at its dead tunnel are put back in the background.
  void tunnel.recover()

  let closed = false
  return {
    dispatch,
    handlers,
    events,
    context,
    store,
    profiles,
    vault,
    envImport,
    active,
    webhook,
    sandbox,
    tokens,
    tunnel,
    media,
    forward,
    log: config.log,
    call: async (name, ...input) => unwrap(await dispatch(name, input[0])) as never,
    startListener: (port) => webhook.start(port ?? webhook.preferredPort()),
    startBackground: async () => {
      media.start()
      forward.start()
      await tokens.startBackground()
    },
    openMedia: (ticket) => media.open(ticket),
    uploadMedia: (upload) => media.upload(upload),
    async close() {
      if (closed) return
      closed = true
      tokens.stop()
      await media.close()
      await forward.stop()
      // Before the sandbox and the Graph clients go: putting back registrations needs them.
      await tunnel.close()
      await sandbox.stop()
      await webhook.stop()
      await graphClients.closeAll()
      events.flush()
      store.close()
    },
  }
}

/** The type system already demands every handler; this catches a spread that silently overwrote one. */
function assertComplete(handlers: Handlers): void {
  const missing = callNames.filter((name) => typeof handlers[name] !== 'function')
  if (missing.length) throw new Error(`No handler for ${missing.join(', ')}`)
}
