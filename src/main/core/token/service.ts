import { performance } from 'node:perf_hooks'
import { SwitchboardError, type AppError, type RefreshStrategy, type TokenStatus } from '@shared/contract'
import type { ActiveProfile } from '../active-profile'
import type { CoreContext } from '../context'
import { syncTokenToEnvFiles } from '../env-file'
import { GraphError, type AppSecretProofOption, type GraphClient } from '../graph'
import type { ProfileService } from '../profiles'
import type { ProfileSecrets, Vault } from '../secrets'
import type { ProfileRow, RefreshLogEntry, RefreshTrigger, Store } from '../store'
import { inspectToken } from './inspect'
import { needsAction } from './needs-action'
import { canMint, defaultPolicy, strategiesFor, type RefreshPolicy } from './policy'
import { appTokenOf, graphFor, proofOf, type GraphTargets } from './profile-graph'
import { extendsExpiry, noGainNote } from './refresh-outcome'
import { armSchedule, clearSchedule } from './refresh-schedule'
import { tokenStatusView, withoutProfile } from './status-view'
import { runStrategy } from './strategies'
import { barrenFor, markBarren, newTokenState, type TokenState } from './token-state'

export interface TokenServiceDeps {
  ctx: CoreContext
  store: Store
  profiles: ProfileService
  vault: Vault
  active: ActiveProfile
  targets: GraphTargets
  policy?: RefreshPolicy
}

export interface AuthorisedCall {
  graph: GraphClient
  token: string
  proof: AppSecretProofOption | false
  profile: ProfileRow
}

const errorOf = (error: unknown): AppError =>
  error instanceof SwitchboardError ? error.toJSON() : { code: 'internal', message: error instanceof Error ? error.message : String(error) }

/**
 * The token lifecycle: inspect, refresh the way the token's kind allows (single flight), refresh
 * before expiry on a schedule with backoff, and recover once from a 190 for every caller at once.
 * Tokens live in the keychain and in memory; the refresh log holds everything but the tokens.
 */
export class TokenService {
  private readonly states = new Map<string, TokenState>()
  private readonly policy: RefreshPolicy
  private readonly inFlight = new Set<Promise<unknown>>()
  private background = false

  constructor(private readonly deps: TokenServiceDeps) {
    this.policy = deps.policy ?? defaultPolicy
  }

  private get now(): number {
    return this.deps.ctx.clock.now()
  }

  private state(profileId: string): TokenState {
    let state = this.states.get(profileId)
    if (!state) {
      state = newTokenState()
      this.states.set(profileId, state)
    }
    return state
  }

  /** Long-running processes (the app, `serve`) keep every profile's token inspected and refreshed. */
  async startBackground(): Promise<void> {
    this.background = true
    this.deps.ctx.events.on('profiles.changed', ({ profileId }) => {
      if (profileId && this.deps.profiles.byId(profileId)) void this.inspect(profileId).catch(() => undefined)
      else if (profileId) this.forget(profileId)
    })
    for (const profile of this.deps.profiles.rows()) {
      try {
        await this.inspect(profile.id)
      } catch {
        // Recorded in the state; the profile shows why.
      }
    }
  }

  /** Resolves once no inspection, refresh or recovery is running (tests step simulated time with it). */
  async whenIdle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight])
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise)
    const done = () => this.inFlight.delete(promise)
    promise.then(done, done)
    return promise
  }

  stop(): void {
    this.background = false
    for (const state of this.states.values()) clearSchedule(state, this.deps.ctx.clock)
  }

  forget(profileId: string): void {
    const state = this.states.get(profileId)
    if (state) clearSchedule(state, this.deps.ctx.clock)
    this.states.delete(profileId)
  }

  async status(profileId: string): Promise<TokenStatus> {
    const profile = this.deps.profiles.require(profileId)
    let secrets: ProfileSecrets = {}
    try {
      secrets = this.deps.vault.cached(profileId) ?? (await this.deps.vault.load(profileId))
    } catch (error) {
      this.state(profileId).lastError = errorOf(error)
    }
    return this.view(profile, secrets)
  }

  private view(profile: ProfileRow, secrets: ProfileSecrets): TokenStatus {
    return tokenStatusView({
      profile,
      secrets,
      state: this.state(profile.id),
      strategies: this.strategies(profile, secrets),
      lastRefresh: this.deps.store.refreshLog.list(profile.id, 1)[0] ?? null,
      policy: this.policy,
      now: this.now,
    })
  }

  /** `debug_token` now; updates the schedule and tells the UI. */
  inspect(profileId: string): Promise<TokenStatus> {
    return this.track(this.runInspect(profileId))
  }

  private async runInspect(profileId: string): Promise<TokenStatus> {
    const profile = this.deps.profiles.require(profileId)
    const secrets = await this.deps.vault.load(profileId)
    const state = this.state(profileId)
    if (!secrets.accessToken) {
      state.inspection = null
      state.lastError = null
    } else {
      try {
        state.inspection = await inspectToken({
          graph: graphFor(this.deps.targets, profile),
          token: secrets.accessToken,
          appToken: appTokenOf(secrets),
          wabaId: profile.wabaId,
          now: this.now,
        })
        state.lastError = null
      } catch (error) {
        state.lastError = errorOf(error)
      }
    }
    this.schedule(profile)
    return this.announce(profile, secrets)
  }

  /**
   * Refreshes now. However many callers ask at once, one request goes to Meta and all of them get
   * its outcome. Every attempt, successful or not, is logged.
   */
  refresh(profileId: string, trigger: RefreshTrigger, requested: 'auto' | RefreshStrategy = 'auto', extraEnvFile?: string): Promise<RefreshLogEntry> {
    const state = this.state(profileId)
    if (state.refreshing) return state.refreshing
    const announce = () => void this.status(profileId).then((view) => this.deps.ctx.events.emit('token.changed', view))
    state.refreshing = this.track(
      this.runRefresh(profileId, trigger, requested, extraEnvFile).finally(() => {
        state.refreshing = null
        // The last word on a refresh says it is over (the ones sent while it ran said it was running).
        announce()
      }),
    )
    announce()
    return state.refreshing
  }

  private async runRefresh(profileId: string, trigger: RefreshTrigger, requested: 'auto' | RefreshStrategy, extraEnvFile?: string): Promise<RefreshLogEntry> {
    const started = this.now
    const startedReal = performance.now()
    const profile = this.deps.profiles.require(profileId)
    const secrets = await this.deps.vault.load(profileId)
    const state = this.state(profileId)
    const graph = graphFor(this.deps.targets, profile)
    // A fresh process (the CLI in a cron job) knows nothing of the token yet: ask Graph first.
    if (!state.inspection && secrets.accessToken) await this.runInspect(profileId).catch(() => undefined)
    const before = state.inspection
    const oldExpiresAt = before?.expiresAt ?? null
    const log = (entry: Partial<RefreshLogEntry> & Pick<RefreshLogEntry, 'strategy' | 'outcome'>) =>
      this.logEntry({
        profileId,
        at: started,
        trigger,
        oldExpiresAt,
        newExpiresAt: null,
        errorCode: null,
        errorSubcode: null,
        errorMessage: null,
        fbtraceId: null,
        durationMs: Math.round(performance.now() - startedReal),
        note: null,
        ...entry,
      })

    const offered = this.strategies(profile, secrets, requested !== 'auto')
    const expired = before !== null && (!before.valid || (before.expiresAt !== null && before.expiresAt > 0 && before.expiresAt <= started))
    // An expired or invalid token cannot be exchanged; only minting can still help.
    const usable = expired ? offered.filter((s) => s === 'mint') : offered
    const strategy = requested === 'auto' ? usable[0] : usable.includes(requested) ? requested : undefined
    if (!strategy) {
      const action = needsAction(before, Boolean(secrets.accessToken), false, started)
      const note =
        requested !== 'auto' && !usable.includes(requested)
          ? `The ${requested} refresh is not possible for this token${expired ? ' (it has expired)' : ''}`
          : (action?.message ?? (before ? 'This token has nothing to refresh (it never expires)' : 'The token has not been inspected yet'))
      const entry = log({ strategy: requested === 'auto' ? 'none' : requested, outcome: 'skipped', note })
      this.schedule(profile)
      this.announce(profile, secrets)
      return entry
    }

    try {
      const token = await runStrategy(strategy, graph, profile, secrets, {
        keepExpiring: before?.kind !== 'system_user_never',
        scopes: before?.scopes ?? [],
      })
      const inspection = await inspectToken({ graph, token, appToken: appTokenOf(secrets), wabaId: profile.wabaId, now: this.now })
      if (!inspection.valid) throw new Error('Graph returned a token that debug_token does not accept')
      if (!extendsExpiry(oldExpiresAt, inspection.expiresAt)) {
        // Keep the token we have: the answer is no better, and .env files need not be rewritten for it.
        markBarren(state, secrets.accessToken, strategy)
        state.failures = 0
        const entry = log({ strategy, outcome: 'no_gain', newExpiresAt: inspection.expiresAt, note: noGainNote(strategy) })
        this.deps.ctx.notify('warning', `Token refresh for ${profile.name} gained nothing: ${entry.note ?? ''}`)
        this.schedule(profile)
        this.announce(profile, secrets)
        return entry
      }
      await this.deps.vault.save(profileId, { accessToken: token })
      state.inspection = inspection
      state.lastError = null
      state.failures = 0
      if (this.deps.active.snapshot().profile?.id === profileId) await this.deps.active.reload()
      const note = syncTokenToEnvFiles(this.deps.store.envTargets.list(profileId), token, this.deps.ctx.log, extraEnvFile)
      const entry = log({ strategy, outcome: 'success', newExpiresAt: inspection.expiresAt, note })
      this.schedule(profile)
      this.announce(profile, { ...secrets, accessToken: token })
      return entry
    } catch (error) {
      state.failures++
      state.lastError = errorOf(error)
      const graphError = error instanceof GraphError ? error : undefined
      const entry = log({
        strategy,
        outcome: 'failure',
        errorCode: graphError?.graphCode ?? null,
        errorSubcode: graphError?.subcode ?? null,
        errorMessage: this.deps.ctx.redactor.redact(error instanceof Error ? error.message : String(error)),
        fbtraceId: graphError?.fbtraceId ?? null,
      })
      this.deps.ctx.notify('error', `Token refresh for ${profile.name} failed: ${entry.errorMessage ?? ''}`)
      this.schedule(profile)
      this.announce(profile, secrets)
      return entry
    }
  }

  /**
   * Runs a Graph call with the profile's live token. On a 190 it recovers once for all callers at
   * once (reload from the keychain, else mint) and retries the call once; if nothing works the
   * profile is marked as needing a new token and the error says so.
   */
  async withToken<T>(profileId: string, call: (auth: AuthorisedCall) => Promise<T>): Promise<T> {
    const profile = this.deps.profiles.require(profileId)
    const secrets = this.deps.vault.cached(profileId) ?? (await this.deps.vault.load(profileId))
    if (!secrets.accessToken) {
      throw new SwitchboardError({ code: 'not_configured', message: `Profile ${profile.name} has no access token`, fix: 'Paste one in Settings' })
    }
    const graph = graphFor(this.deps.targets, profile)
    const auth = (token: string): AuthorisedCall => ({ graph, token, proof: proofOf(profile, { ...secrets, accessToken: token }), profile })
    try {
      return await call(auth(secrets.accessToken))
    } catch (error) {
      if (!(error instanceof GraphError) || error.graphCode !== 190) throw error
      const fresh = await this.recover(profileId, secrets.accessToken)
      return call(auth(fresh))
    }
  }

  /** One recovery per profile at a time; late callers whose token was already replaced just get the new one. */
  recover(profileId: string, failedToken: string): Promise<string> {
    const live = this.deps.vault.cached(profileId)?.accessToken
    if (live && live !== failedToken) return Promise.resolve(live)
    const state = this.state(profileId)
    state.recovering ??= this.track(
      this.runRecovery(profileId, failedToken).finally(() => {
        state.recovering = null
      }),
    )
    return state.recovering
  }

  private async runRecovery(profileId: string, failedToken: string): Promise<string> {
    const profile = this.deps.profiles.require(profileId)
    const started = this.now
    const startedReal = performance.now()
    const secrets = await this.deps.vault.load(profileId)
    const base = {
      profileId,
      at: started,
      trigger: 'on_190' as const,
      oldExpiresAt: this.state(profileId).inspection?.expiresAt ?? null,
      errorCode: null,
      errorSubcode: null,
      errorMessage: null,
      fbtraceId: null,
      note: null,
    }
    if (secrets.accessToken && secrets.accessToken !== failedToken) {
      // Another Switchboard process, or the CLI in a cron job, stored a fresh token meanwhile.
      this.logEntry({ ...base, strategy: 'reload', outcome: 'success', newExpiresAt: null, durationMs: Math.round(performance.now() - startedReal), note: 'A newer token was in the keychain' })
      if (this.deps.active.snapshot().profile?.id === profileId) await this.deps.active.reload()
      void this.inspect(profileId).catch(() => undefined)
      return secrets.accessToken
    }
    if (canMint(profile, secrets)) {
      const entry = await this.refresh(profileId, 'on_190', 'mint')
      const token = this.deps.vault.cached(profileId)?.accessToken
      if (entry.outcome === 'success' && token && token !== failedToken) return token
    } else {
      this.logEntry({
        ...base,
        strategy: 'none',
        outcome: 'failure',
        newExpiresAt: null,
        durationMs: Math.round(performance.now() - startedReal),
        note: 'Graph refused the token (190) and there is no way to get a new one: no fresher token in the keychain, no admin token to mint one',
      })
    }
    await this.inspect(profileId).catch(() => undefined)
    const view = await this.status(profileId)
    this.deps.ctx.notify('error', `${profile.name}: the access token is dead — ${view.needsAction?.message ?? 'it needs a new token'}`)
    throw new SwitchboardError({
      code: 'token_expired',
      message: view.needsAction?.message ?? `The access token of ${profile.name} is no longer valid and could not be renewed`,
      fix: view.needsAction?.fix ?? 'Paste a new token in Settings',
    })
  }

  /** The refreshes that can still help this profile's current token (`asked`: also those only an operator would ask for). */
  private strategies(profile: ProfileRow, secrets: ProfileSecrets, asked = false): RefreshStrategy[] {
    const state = this.state(profile.id)
    return strategiesFor(state.inspection, profile, secrets, { barren: barrenFor(state, secrets.accessToken), asked })
  }

  log(profileId: string, limit: number, options: { outcome?: RefreshLogEntry['outcome']; beforeId?: number } = {}) {
    return this.deps.store.refreshLog.list(profileId, limit, options).map(withoutProfile)
  }

  private logEntry(entry: Omit<RefreshLogEntry, 'id'>): RefreshLogEntry {
    const stored = this.deps.store.refreshLog.add(entry)
    this.deps.ctx.events.emit('token.logged', { ...stored, profileName: this.deps.profiles.byId(stored.profileId)?.name ?? stored.profileId })
    return stored
  }

  /** Arms the next inspection and (for refreshable tokens) the next refresh; backs off after failures. */
  private schedule(profile: ProfileRow): void {
    const state = this.state(profile.id)
    clearSchedule(state, this.deps.ctx.clock)
    if (!this.background) return
    armSchedule({
      state,
      clock: this.deps.ctx.clock,
      policy: this.policy,
      refreshable: this.strategies(profile, this.deps.vault.cached(profile.id) ?? {}).length > 0,
      inspect: () => void this.inspect(profile.id).catch(() => undefined),
      refresh: () => void this.refresh(profile.id, 'scheduled'),
    })
  }

  private announce(profile: ProfileRow, secrets: ProfileSecrets): TokenStatus {
    const view = this.view(profile, secrets)
    this.deps.ctx.events.emit('token.changed', view)
    return view
  }
}

