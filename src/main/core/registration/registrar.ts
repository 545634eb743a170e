import {
  APP_CALLBACK_WARNING,
  SwitchboardError,
  type RegistrationMode,
  type RegistrationRecordView,
  type RegistrationResult,
  type UnregisterResult,
  type WebhookHealth,
} from '@shared/contract'
import type { CoreContext } from '../context'
import type { AppSecretProofOption, GraphClient } from '../graph'
import type { ProfileService } from '../profiles'
import type { ProfileSecrets, Vault } from '../secrets'
import type { ProfileRow, Store } from '../store'
import { appTokenOf, graphFor, type GraphTargets, type TokenService } from '../token'
import { readAppSubscription, readSubscribedApps, readWebhookConfiguration, type SubscribedApp } from './graph-answers'
import { appErrorOf, registrationFailure } from './graph-failure'
import { analyseHealth } from './health-problems'
import {
  deleteAppSubscription,
  getAppSubscriptions,
  getSubscribedApps,
  getWebhookConfiguration,
  setAppCallback,
  setPhoneNumberOverride,
  setWabaOverride,
  subscribeAppToWaba,
  WABA_OBJECT,
} from './meta-calls'
import { claimOwner, ownerAlive } from './ownership'

type WebhookRegistration = ReturnType<Store['registrations']['all']>[number]

export interface RegistrarDeps {
  ctx: CoreContext
  store: Store
  profiles: ProfileService
  vault: Vault
  tokens: TokenService
  targets: GraphTargets
}

interface UserAuth {
  token: string
  proof: AppSecretProofOption | false
}

/** The app fields an app-wide registration subscribes (Meta adds them to what is there). */
const APP_FIELDS = ['messages']

/**
 * Tells Meta where to deliver webhooks, and puts back what it replaced. Every callback it sets is
 * recorded before the call and forgotten only once it is put back, so a crash leaves a record the
 * next Switchboard on the data dir acts on. Operations run one at a time.
 */
export class WebhookRegistrar {
  private readonly owner = claimOwner()
  private readonly listeners = new Set<() => void>()
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly deps: RegistrarDeps) {}

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Every record on the data dir, this process's and others'. */
  records(): RegistrationRecordView[] {
    return this.deps.store.registrations.all().map((record) => this.view(record))
  }

  hasOwned(): boolean {
    return this.deps.store.registrations.all().some((record) => record.ownerId === this.owner.id)
  }

  /** Where this number's webhooks go now, and what is wrong with that. Never throws for a failed read: it is listed. */
  async health(profileId: string, tunnelWebhookUrl: string | null): Promise<WebhookHealth> {
    const profile = this.deps.profiles.require(profileId)
    const secrets = await this.deps.vault.load(profileId)
    const errors: WebhookHealth['errors'] = []
    const [configuration, apps, subscription] = await Promise.allSettled([
      profile.phoneNumberId
        ? this.asUser(profile, (graph, auth) => getWebhookConfiguration(graph, { ...auth, phoneNumberId: profile.phoneNumberId! }))
        : Promise.reject(notConfigured('The profile has no phone number ID')),
      profile.wabaId ? this.asUser(profile, (graph, auth) => getSubscribedApps(graph, { ...auth, wabaId: profile.wabaId! })) : Promise.reject(notConfigured('The profile has no WABA ID')),
      this.asApp(profile, secrets, (graph, app) => getAppSubscriptions(graph, app)),
    ])
    if (configuration.status === 'rejected') errors.push({ check: 'phone_number', error: appErrorOf(configuration.reason) })
    if (apps.status === 'rejected') errors.push({ check: 'waba', error: appErrorOf(apps.reason) })
    if (subscription.status === 'rejected') errors.push({ check: 'app', error: appErrorOf(subscription.reason) })

    const destinations = configuration.status === 'fulfilled' ? readWebhookConfiguration(configuration.value) : null
    const subscribedApps = apps.status === 'fulfilled' ? readSubscribedApps(apps.value) : null
    const appSubscription = subscription.status === 'fulfilled' ? readAppSubscription(subscription.value, WABA_OBJECT) : undefined
    const analysis = analyseHealth({
      sandbox: profile.kind === 'sandbox',
      appId: secrets.appId ?? null,
      destinations,
      subscribedApps,
      appSubscription,
      tunnelWebhookUrl,
      ownUrls: this.deps.store.registrations
        .all()
        .filter((record) => record.profileId === profileId)
        .map((record) => record.callbackUrl),
    })
    return {
      profileId,
      checkedAt: this.deps.ctx.clock.now(),
      phoneNumberId: profile.phoneNumberId,
      wabaId: profile.wabaId,
      appId: secrets.appId ?? null,
      destinations: destinations ?? { phoneNumber: null, waba: null, app: null },
      effective: analysis.effective,
      pointsAtTunnel: analysis.pointsAtTunnel,
      appSubscribedToWaba: analysis.appSubscribedToWaba,
      subscribedApps: subscribedApps ?? [],
      appSubscription: appSubscription ?? null,
      messagesField: analysis.messagesField,
      problems: analysis.problems,
      errors,
    }
  }

  /** Points Meta at `callbackUrl` at the given level for the profile; on failure, Meta's error and its hint. */
  register(profileId: string, mode: RegistrationMode, callbackUrl: string): Promise<RegistrationResult> {
    return this.exclusive(() => this.runRegister(profileId, mode, callbackUrl))
  }

  private async runRegister(profileId: string, mode: RegistrationMode, callbackUrl: string): Promise<RegistrationResult> {
    const profile = this.deps.profiles.require(profileId)
    const secrets = await this.deps.vault.load(profileId)
    const verifyToken = secrets.verifyToken
    if (!verifyToken) {
      throw new SwitchboardError({
        code: 'not_configured',
        message: `Profile ${profile.name} has no verify token: Meta's verification request could not be answered`,
        fix: 'Set a verify token in Settings (any secret string; the listener checks it)',
      })
    }
    const targetId = targetOf(profile, secrets, mode)
    const steps: RegistrationResult['steps'] = []
    const before = await this.health(profileId, callbackUrl)

    // Overrides and the app callback alike deliver nothing while the app is not subscribed to the WABA.
    if (profile.wabaId && before.appSubscribedToWaba === false) {
      try {
        const answer = await this.asUser(profile, (graph, auth) => subscribeAppToWaba(graph, { ...auth, wabaId: profile.wabaId! }))
        steps.push({ request: `POST /${profile.wabaId}/subscribed_apps`, answer })
      } catch (error) {
        throw registrationFailure(error, 'Subscribing the app to the WABA failed')
      }
    }

    const now = this.deps.ctx.clock.now()
    const existing = this.deps.store.registrations.find(profileId, mode, targetId)
    let record = existing
    if (!record) {
      const current = currentAt(before, mode, secrets.appId ?? null)
      record = this.deps.store.registrations.insert({
        profileId,
        mode,
        targetId,
        callbackUrl,
        previousUrl: current === callbackUrl ? null : current,
        previousFields: mode === 'app' && before.appSubscription ? before.appSubscription.fields.map((field) => field.name) : null,
        ownerPid: this.owner.pid,
        ownerId: this.owner.id,
        createdAt: now,
        updatedAt: now,
      })
      this.changed()
    }
    try {
      steps.push(await this.apply(profile, secrets, mode, targetId, callbackUrl, verifyToken))
    } catch (error) {
      if (!existing) {
        this.deps.store.registrations.delete(record.id)
        this.changed()
      }
      throw registrationFailure(error, `Pointing ${describeMode(mode, targetId)} at ${callbackUrl} failed`)
    }
    if (existing) this.deps.store.registrations.update(existing.id, { callbackUrl, ownerPid: this.owner.pid, ownerId: this.owner.id, updatedAt: now })
    this.deps.ctx.log.info('webhook callback registered', { mode, targetId, callbackUrl })
    this.changed()
    const stored = this.deps.store.registrations.find(profileId, mode, targetId) ?? record
    return {
      mode,
      callbackUrl,
      warning: mode === 'app' ? APP_CALLBACK_WARNING : null,
      steps,
      record: this.view(stored),
      health: await this.health(profileId, callbackUrl),
    }
  }

  /** Puts back everything this process registered (Stop, quit). */
  unregisterOwned(): Promise<UnregisterResult> {
    return this.exclusive(() => this.undoAll((record) => record.ownerId === this.owner.id))
  }

  /** Puts back what a Switchboard that is no longer running left registered (after a crash). */
  recoverOrphans(): Promise<UnregisterResult> {
    return this.exclusive(() => this.undoAll((record) => record.ownerId !== this.owner.id && !ownerAlive(record.ownerPid, record.ownerId)))
  }

  hasOrphans(): boolean {
    return this.deps.store.registrations.all().some((record) => record.ownerId !== this.owner.id && !ownerAlive(record.ownerPid, record.ownerId))
  }

  /** Registers the new URL wherever this process had registered another one (a quick tunnel came back elsewhere). */
  async reregisterOwned(callbackUrl: string): Promise<{ record: RegistrationRecordView; error: SwitchboardError }[]> {
    const failed: { record: RegistrationRecordView; error: SwitchboardError }[] = []
    const stale = this.deps.store.registrations.all().filter((record) => record.ownerId === this.owner.id && record.callbackUrl !== callbackUrl)
    for (const record of stale) {
      try {
        await this.register(record.profileId, record.mode, callbackUrl)
      } catch (error) {
        failed.push({ record: this.view(record), error: error instanceof SwitchboardError ? error : registrationFailure(error, 'Registering again failed') })
      }
    }
    return failed
  }

  release(): void {
    this.owner.release()
  }

  private async undoAll(select: (record: WebhookRegistration) => boolean): Promise<UnregisterResult> {
    const result: UnregisterResult = { removed: [], failed: [] }
    for (const record of this.deps.store.registrations.all().filter(select)) {
      try {
        await this.undo(record)
        result.removed.push(this.view(record))
      } catch (error) {
        this.deps.ctx.log.warn('could not put back a webhook callback', { mode: record.mode, targetId: record.targetId, error: error instanceof Error ? error.message : String(error) })
        result.failed.push({ record: this.view(record), error: appErrorOf(error) })
      }
    }
    if (result.removed.length + result.failed.length > 0) this.changed()
    return result
  }

  /** Puts back what the record replaced, unless someone changed that level since (then it is theirs). */
  private async undo(record: WebhookRegistration): Promise<void> {
    const profile = this.deps.profiles.byId(record.profileId)
    if (!profile) {
      this.deps.store.registrations.delete(record.id)
      return
    }
    const secrets = await this.deps.vault.load(profile.id)
    const current = await this.readLevel(profile, secrets, record.mode, record.targetId).catch(() => undefined)
    if (current !== undefined && current !== record.callbackUrl) {
      this.deps.ctx.log.info('webhook callback changed by someone else since; leaving it', { mode: record.mode, targetId: record.targetId })
      this.deps.store.registrations.delete(record.id)
      return
    }
    const verifyToken = secrets.verifyToken ?? null
    const previous = record.previousUrl
    switch (record.mode) {
      case 'phone_number': {
        const clear = () => this.asUser(profile, (graph, auth) => setPhoneNumberOverride(graph, { ...auth, phoneNumberId: record.targetId, callbackUrl: '', verifyToken: null }))
        if (previous && verifyToken) {
          await this.asUser(profile, (graph, auth) => setPhoneNumberOverride(graph, { ...auth, phoneNumberId: record.targetId, callbackUrl: previous, verifyToken })).catch((error: unknown) =>
            this.fallBack(record, previous, error, clear),
          )
        } else await clear()
        break
      }
      case 'waba': {
        const clear = () => this.asUser(profile, (graph, auth) => subscribeAppToWaba(graph, { ...auth, wabaId: record.targetId }))
        if (previous && verifyToken) {
          await this.asUser(profile, (graph, auth) => setWabaOverride(graph, { ...auth, wabaId: record.targetId, callbackUrl: previous, verifyToken })).catch((error: unknown) =>
            this.fallBack(record, previous, error, clear),
          )
        } else await clear()
        break
      }
      case 'app': {
        if (previous) {
          if (!verifyToken) throw notConfigured(`Putting back the app's callback ${previous} needs the profile's verify token`)
          const fields = record.previousFields?.length ? record.previousFields : APP_FIELDS
          await this.asApp(profile, secrets, (graph, app) => setAppCallback(graph, { ...app, callbackUrl: previous, verifyToken, fields }))
        } else await this.asApp(profile, secrets, (graph, app) => deleteAppSubscription(graph, app))
        break
      }
    }
    this.deps.store.registrations.delete(record.id)
    this.deps.ctx.log.info('webhook callback put back', { mode: record.mode, targetId: record.targetId, previous: previous !== null })
  }

  /** The earlier override no longer verifies (an old endpoint): remove ours rather than leave it pointing at a dead tunnel. */
  private async fallBack(record: WebhookRegistration, previous: string, error: unknown, clear: () => Promise<unknown>): Promise<void> {
    await clear()
    const message = `The earlier override of ${describeMode(record.mode, record.targetId)} (${previous}) could not be put back (${error instanceof Error ? error.message : String(error)}); the override was removed instead`
    this.deps.ctx.notify('warning', message)
  }

  private async apply(profile: ProfileRow, secrets: ProfileSecrets, mode: RegistrationMode, targetId: string, callbackUrl: string, verifyToken: string) {
    switch (mode) {
      case 'phone_number':
        return {
          request: `POST /${targetId} webhook_configuration.override_callback_uri`,
          answer: await this.asUser(profile, (graph, auth) => setPhoneNumberOverride(graph, { ...auth, phoneNumberId: targetId, callbackUrl, verifyToken })),
        }
      case 'waba':
        return {
          request: `POST /${targetId}/subscribed_apps override_callback_uri`,
          answer: await this.asUser(profile, (graph, auth) => setWabaOverride(graph, { ...auth, wabaId: targetId, callbackUrl, verifyToken })),
        }
      case 'app':
        return {
          request: `POST /${targetId}/subscriptions callback_url`,
          answer: await this.asApp(profile, secrets, (graph, app) => setAppCallback(graph, { ...app, callbackUrl, verifyToken, fields: APP_FIELDS })),
        }
    }
  }

  /** The callback set at one level now (null: none). */
  private async readLevel(profile: ProfileRow, secrets: ProfileSecrets, mode: RegistrationMode, targetId: string): Promise<string | null> {
    switch (mode) {
      case 'phone_number': {
        const answer = await this.asUser(profile, (graph, auth) => getWebhookConfiguration(graph, { ...auth, phoneNumberId: targetId }))
        return readWebhookConfiguration(answer).phoneNumber
      }
      case 'waba': {
        const answer = await this.asUser(profile, (graph, auth) => getSubscribedApps(graph, { ...auth, wabaId: targetId }))
        return ownApp(readSubscribedApps(answer), secrets.appId ?? null)?.overrideCallbackUri ?? null
      }
      case 'app': {
        const answer = await this.asApp(profile, secrets, (graph, app) => getAppSubscriptions(graph, app))
        return readAppSubscription(answer, WABA_OBJECT)?.callbackUrl ?? null
      }
    }
  }

  private asUser<T>(profile: ProfileRow, call: (graph: GraphClient, auth: UserAuth) => Promise<T>): Promise<T> {
    return this.deps.tokens.withToken(profile.id, (auth) => call(auth.graph, { token: auth.token, proof: auth.proof }))
  }

  private async asApp<T>(profile: ProfileRow, secrets: ProfileSecrets, call: (graph: GraphClient, app: { appId: string; appToken: string }) => Promise<T>): Promise<T> {
    const appToken = appTokenOf(secrets)
    if (!secrets.appId || !appToken) throw notConfigured('The app-level calls need the app ID and the app secret of the profile')
    return call(graphFor(this.deps.targets, profile), { appId: secrets.appId, appToken })
  }

  private view(record: WebhookRegistration): RegistrationRecordView {
    return {
      id: record.id,
      profileId: record.profileId,
      mode: record.mode,
      targetId: record.targetId,
      callbackUrl: record.callbackUrl,
      previousUrl: record.previousUrl,
      createdAt: record.createdAt,
      ownedHere: record.ownerId === this.owner.id,
    }
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task)
    this.queue = run.catch(() => undefined)
    return run
  }

  private changed(): void {
    for (const listener of this.listeners) listener()
  }
}

function notConfigured(message: string): SwitchboardError {
  return new SwitchboardError({ code: 'not_configured', message, fix: 'Complete the profile in Settings' })
}

function targetOf(profile: ProfileRow, secrets: ProfileSecrets, mode: RegistrationMode): string {
  const target = mode === 'phone_number' ? profile.phoneNumberId : mode === 'waba' ? profile.wabaId : (secrets.appId ?? null)
  if (!target) {
    const missing = mode === 'phone_number' ? 'phone number ID' : mode === 'waba' ? 'WABA ID' : 'app ID'
    throw notConfigured(`Profile ${profile.name} has no ${missing}, which this registration needs`)
  }
  return target
}

function ownApp(apps: SubscribedApp[], appId: string | null): SubscribedApp | undefined {
  return appId ? apps.find((app) => app.id === appId) : apps[0]
}

/** What is set at the level a registration replaces. */
function currentAt(health: WebhookHealth, mode: RegistrationMode, appId: string | null): string | null {
  switch (mode) {
    case 'phone_number':
      return health.destinations.phoneNumber
    case 'waba':
      return health.destinations.waba ?? ownApp(health.subscribedApps, appId)?.overrideCallbackUri ?? null
    case 'app':
      return health.appSubscription?.callbackUrl ?? health.destinations.app
  }
}

function describeMode(mode: RegistrationMode, targetId: string): string {
  return mode === 'phone_number' ? `phone number ${targetId}` : mode === 'waba' ? `WABA ${targetId}` : `app ${targetId}'s callback`
}
