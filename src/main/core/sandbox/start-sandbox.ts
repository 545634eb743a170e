import { randomBytes, randomInt } from 'node:crypto'
import type { Server } from 'node:http'
import { silentLogger } from '../log'
import { CustomerDirectory, CustomerSimulation } from './customers'
import { route, serveDownload, startGraphServer, type GraphContext } from './endpoints'
import { MediaLibrary } from './media'
import { Outbound } from './messaging'
import { SandboxRuntime } from './runtime'
import { sandboxEnv } from './sandbox-env'
import { SeededRandom } from './seeded-random'
import { createInitialState, StateFile, StateStore, upgradeState, type SandboxState } from './state'
import { TokenService } from './tokens'
import type { Sandbox, SandboxOptions } from './types'
import { loopbackOnly, verifyCallback, WebhookDispatcher } from './webhooks'

const DEFAULT_TOKEN_LIFETIME_SECONDS = 300

/**
 * Starts the built-in Cloud API simulator on 127.0.0.1: loads (or creates) its persisted world,
 * serves the Graph endpoints Switchboard uses, and plays Meta's side of webhooks and customers.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const log = options.log ?? silentLogger
  const speed = options.speed ?? 1
  if (!(speed > 0)) throw new Error('The sandbox speed must be a positive number')
  const lifetime = options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS

  const file = new StateFile(options.dataDir)
  const { state, rng } = loadOrCreate(file, options, lifetime, log)
  const runtime = new SandboxRuntime(options.clock, rng, log, speed)
  const store = new StateStore(state, file, () => rng.state)
  // New on every start: a key from an earlier run (or another sandbox) opens nothing.
  const controlKey = randomBytes(32).toString('base64url')
  options.redactor?.add(state.app.secret)
  options.redactor?.add(state.verifyToken)
  options.redactor?.add(controlKey)
  const allowance = options.allowCallback ?? loopbackOnly

  const tokens = new TokenService(store, runtime, lifetime)
  if (tokens.renewProfileTokenIfLapsed()) log.info('sandbox renewed the profile token that lapsed while it was stopped')
  const media = new MediaLibrary(store, runtime, options.dataDir)
  media.open()
  const quirks = options.quirks ?? true
  const dispatcher = new WebhookDispatcher(runtime, store, quirks)
  const outbound = new Outbound(runtime, store, dispatcher, media, {
    messagesPerSecond: options.messagesPerSecond ?? 80,
    pairBurst: options.pairBurst ?? 45,
    quirks,
  })
  const directory = new CustomerDirectory(store, rng)
  const customers = new CustomerSimulation(runtime, store, directory, dispatcher, outbound, media)
  const handshakes = new AbortController()

  let url = ''
  const context: GraphContext = {
    runtime,
    store,
    tokens,
    outbound,
    customers,
    media,
    verifyCallback: (callbackUrl, verifyToken) => verifyCallback(runtime, callbackUrl, verifyToken, allowance, handshakes.signal),
    baseUrl: () => url,
  }
  let server: Server
  try {
    ;({ server, url } = await startGraphServer(runtime, options.port ?? 0, controlKey, {
      graph: (request) => route(context, request),
      download: (req, res, query) => serveDownload(context, req, res, query),
      uploads: media,
    }))
  } catch (error) {
    store.flush()
    throw error
  }
  store.changed()
  store.flush()
  if (options.customers ?? true) customers.start()
  log.info('sandbox started', { url, appId: state.app.id, phoneNumbers: state.phoneNumbers.length })

  let closed: Promise<void> | undefined
  return {
    url,
    controlKey,
    app: { id: state.app.id, secret: state.app.secret },
    wabaId: state.waba.id,
    phoneNumbers: state.phoneNumbers.map((phone) => ({ id: phone.id, display: phone.display })),
    systemUserId: state.systemUserId,
    adminToken: state.adminToken,
    verifyToken: state.verifyToken,
    issueToken(kind) {
      const record = tokens.issue(kind)
      return { token: record.token, expiresAt: record.expiresAt }
    },
    currentToken: () => state.profileToken,
    env: () => sandboxEnv(state, url),
    customers: {
      send: (input) => Promise.resolve().then(() => customers.send(input)),
      list: () => directory.list(),
      setMarketingPreference: (from, value, phoneNumberId) => Promise.resolve().then(() => customers.setMarketingPreference(from, value, phoneNumberId)),
      async createMedia({ kind, bytes, phoneNumberId }) {
        const record = await customers.createMedia(kind, phoneNumberId, bytes)
        return { id: record.id, mimeType: record.mimeType, fileSize: record.fileSize, sha256: record.sha256 }
      },
      start: () => customers.start(),
      stop: () => customers.stop(),
      get running() {
        return customers.isRunning
      },
    },
    get requireAppSecret() {
      return state.app.requireAppSecret
    },
    setRequireAppSecret(on) {
      state.app.requireAppSecret = on
      store.changed()
    },
    revokeToken(token) {
      tokens.revoke(token)
    },
    onDelivery: (listener) => dispatcher.onDelivery(listener),
    whenIdle: () => runtime.whenIdle(),
    close() {
      closed ??= (async () => {
        customers.stop()
        runtime.cancelAll()
        dispatcher.close()
        handshakes.abort()
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeAllConnections()
        })
        store.changed()
        store.flush()
        log.info('sandbox stopped', { url })
      })()
      return closed
    },
  }
}

function loadOrCreate(file: StateFile, options: SandboxOptions, lifetime: number, log: SandboxOptions['log'] & object): { state: SandboxState; rng: SeededRandom } {
  const loaded = file.load()
  if (loaded && !('corrupt' in loaded)) {
    const rng = new SeededRandom(loaded.rng)
    return { state: upgradeState(loaded, rng), rng }
  }
  if (loaded && 'corrupt' in loaded) {
    const aside = file.quarantine(options.clock.now())
    log.warn('sandbox state was unreadable and was moved aside; starting a fresh sandbox', { reason: loaded.corrupt, movedTo: aside })
  }
  const rng = new SeededRandom(options.seed ?? randomInt(0, 2 ** 31))
  return { state: createInitialState(rng, options.clock.now(), lifetime), rng }
}
