import { callNames, unwrap, type CallInput, type CallName, type CallResult } from '@shared/contract'
import { ActiveProfile } from './active-profile'
import { appHandlers } from './app'
import { prepareDataDir } from './data-dir'
import { ComposerService, composerHandlers } from './composer'
import type { CoreConfig, CoreContext } from './context'
import { createDispatch, type Dispatch, type Handlers } from './dispatch'
import { EnvImportService, envImportHandlers } from './env-file'
import { EventHub } from './events'
import { GraphClients } from './graph'
import { systemClock } from './clock'
import { inboxHandlers } from './inbox'
import { profileHandlers, ProfileService } from './profiles'
import { WebhookRegistrar } from './registration'
import { sandboxHandlers, SandboxSession } from './sandbox-session'
import { keytarKeychain, Vault } from './secrets'
import { Store } from './store'
import { tokenHandlers, TokenService, type GraphTargets } from './token'
import { tunnelHandlers, TunnelService } from './tunnel'
import { webhookHandlers, WebhookService } from './webhook'

export interface Core {
  readonly dispatch: Dispatch
  readonly handlers: Handlers
  readonly events: EventHub
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
  /** Typed call through the dispatcher (validation included), unwrapped: throws `SwitchboardError`. */
  call<K extends CallName>(name: K, ...input: undefined extends CallInput<K> ? [CallInput<K>?] : [CallInput<K>]): Promise<CallResult<K>>
  close(): Promise<void>
}

export const DEFAULT_GRAPH_BASE_URL = 'https://graph.facebook.com'

/**
 * The composition root: builds every concern from one config and returns the contract's handlers,
 * the dispatcher all transports share, and the event hub. Never imports `electron`.
 */
export async function createCore(config: CoreConfig): Promise<Core> {
  prepareDataDir(config.dataDir)
  const events = new EventHub()
  const context: CoreContext = {
    config,
    clock: config.clock,
    events,
    log: config.log,
    redactor: config.redactor,
    startedAt: config.clock.now(),
  }
  const store = Store.open(config.dataDir, config.storeBusyTimeoutMs)
  const vault = new Vault(config.keychain ?? keytarKeychain(), config.redactor)
  const profiles = new ProfileService({ ctx: context, store, vault })
  const envImport = new EnvImportService(profiles, store, config.clock)
  const active = new ActiveProfile({ ctx: context, profiles, vault })
  await active.start()
  const webhook = new WebhookService({ ctx: context, store, active })
  // Backoff between Graph retries is network time: always the real clock, even when tests drive a manual one.
  const graphClients = new GraphClients({ log: config.log, redactor: config.redactor, clock: systemClock, userAgent: `Switchboard/${config.version}` })
  const sandbox = new SandboxSession(context, profiles, active, webhook, graphClients)
  const graphTargets: GraphTargets = { clients: graphClients, metaBaseUrl: config.graphBaseUrl, sandboxUrl: () => sandbox.url() }
  const tokens = new TokenService({ ctx: context, store, profiles, vault, active, targets: graphTargets, ...(config.tokenPolicy ? { policy: config.tokenPolicy } : {}) })
  const registrar = new WebhookRegistrar({ ctx: context, store, profiles, vault, tokens, targets: graphTargets })
  const tunnel = new TunnelService({ ctx: context, store, active, vault, webhook, registrar })

  const handlers: Handlers = {
    ...appHandlers(context, profiles, () => sandbox.url()),
    ...profileHandlers(profiles, vault),
    ...envImportHandlers(envImport, profiles),
    ...inboxHandlers(context, store, active, webhook),
    ...webhookHandlers(webhook, store),
    ...tokenHandlers(tokens, profiles, active, graphTargets, config.clock),
    ...sandboxHandlers(sandbox),
    ...composerHandlers(new ComposerService({ ctx: context, store, profiles, active, tokens })),
    ...tunnelHandlers(tunnel),
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
    call: async (name, ...input) => unwrap(await dispatch(name, input[0])) as never,
    async close() {
      if (closed) return
      closed = true
      tokens.stop()
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
