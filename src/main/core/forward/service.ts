import { SwitchboardError, type ForwardStatus, type ForwardTarget } from '@shared/contract'
import type { ActiveProfile } from '../active-profile'
import type { ClockTimer } from '../clock'
import type { CoreContext } from '../context'
import type { Vault } from '../secrets'
import type { ForwardTargetRow, Store } from '../store'
import { ForwardOutbox } from './outbox'
import { DEFAULT_FORWARD_POLICY, DEFAULT_HORIZON_HOURS, type ForwardPolicy } from './policy'

const HORIZON_KEY = 'forward.horizon_hours'
/** Busy queues are announced at most this often. */
const ANNOUNCE_MS = 1_000
/** A replay by filter queues at most this many deliveries per target. */
const REPLAY_LIMIT = 100_000

export interface ReplayRequest {
  targetId?: number
  requestIds?: number[]
  since?: number
  until?: number
  contact?: string
  failuresOnly?: boolean
}

/**
 * Forwarding to the operator's own bot: its targets (per profile; signing secrets in the
 * keychain), the outbox that delivers, replays and edited resends, and what the UI hears.
 */
export class ForwardService {
  readonly outbox: ForwardOutbox
  private announceTimer: ClockTimer | undefined
  private announcedAt = -Infinity
  private readonly ctx: CoreContext
  private readonly store: Store
  private readonly vault: Vault
  private readonly active: ActiveProfile

  constructor(deps: { ctx: CoreContext; store: Store; vault: Vault; active: ActiveProfile; policy?: Partial<ForwardPolicy> }) {
    this.ctx = deps.ctx
    this.store = deps.store
    this.vault = deps.vault
    this.active = deps.active
    const profileSecrets = async (profileId: string) => this.vault.cached(profileId) ?? (await this.vault.load(profileId))
    this.outbox = new ForwardOutbox({
      ctx: deps.ctx,
      store: deps.store,
      policy: { ...DEFAULT_FORWARD_POLICY, ...deps.policy },
      secrets: {
        appSecret: async (profileId) => (await profileSecrets(profileId)).appSecret,
        verifyToken: async (profileId) => (await profileSecrets(profileId)).verifyToken,
        targetSecret: (targetId) => this.vault.forwardSecret(targetId),
      },
      horizonMs: () => this.horizonHours() * 60 * 60 * 1000,
      onChange: () => this.announceSoon(),
    })
    // A committed delivery may have queued forwards.
    deps.ctx.events.on('webhook.request', (request) => {
      if (request.verdict === 'accepted' || request.verdict === 'verified') this.outbox.wake()
    })
  }

  /** Long-running processes deliver; short-lived ones (a CLI command) only queue. */
  start(): void {
    this.outbox.start()
  }

  stop(): Promise<void> {
    if (this.announceTimer) this.ctx.clock.clearTimeout(this.announceTimer)
    this.announceTimer = undefined
    return this.outbox.stop()
  }

  status(): ForwardStatus {
    const profileId = this.active.snapshot().profile?.id ?? null
    const targets = profileId === null ? [] : this.store.forward.targets(profileId).map((row) => this.view(row))
    return { profileId, targets, horizonHours: this.horizonHours() }
  }

  async addTarget(input: { url: string; passVerification?: boolean; signingSecret?: string }): Promise<ForwardStatus> {
    const profileId = this.requireProfile()
    const url = normalise(input.url)
    if (this.store.forward.findTarget(profileId, url)) {
      throw new SwitchboardError({ code: 'conflict', message: `${url} is already a forward target of this profile` })
    }
    const target = this.store.forward.addTarget(profileId, url, { resign: input.signingSecret !== undefined, passVerification: input.passVerification ?? false }, this.ctx.clock.now())
    if (input.signingSecret !== undefined) {
      try {
        await this.vault.setForwardSecret(target.id, input.signingSecret)
      } catch (error) {
        this.store.forward.removeTarget(target.id)
        throw error
      }
    }
    this.ctx.log.info('forward target added', { url })
    return this.changed()
  }

  async updateTarget(input: { id: number; enabled?: boolean; passVerification?: boolean; signingSecret?: string | null }): Promise<ForwardStatus> {
    const target = this.requireTarget(input.id)
    if (input.signingSecret !== undefined) await this.vault.setForwardSecret(target.id, input.signingSecret)
    this.store.forward.updateTarget(target.id, {
      ...(input.enabled === undefined ? {} : { enabled: input.enabled }),
      ...(input.passVerification === undefined ? {} : { passVerification: input.passVerification }),
      ...(input.signingSecret === undefined ? {} : { resign: input.signingSecret !== null }),
    })
    return this.changed()
  }

  async removeTarget(id: number): Promise<ForwardStatus> {
    const target = this.requireTarget(id)
    this.store.forward.removeTarget(target.id)
    if (target.resign) await this.vault.setForwardSecret(target.id, null).catch(() => undefined)
    this.ctx.log.info('forward target removed', { url: target.url })
    return this.changed()
  }

  jobs(requestId: number) {
    return { items: this.store.forward.jobsFor(requestId) }
  }

  /** Queues stored deliveries again, unchanged (Meta's signature still holds). */
  replay(input: ReplayRequest): { queued: number; targets: number } {
    const profileId = this.requireProfile()
    const targets = input.targetId === undefined ? this.store.forward.targets(profileId).filter((t) => t.enabled) : [this.requireTarget(input.targetId)]
    if (targets.length === 0) throw new SwitchboardError({ code: 'not_configured', message: 'This profile has no forward target to replay to', fix: 'Add your bot’s URL under Webhooks → Forwarding, or `switchboard forward add URL`' })
    const now = this.ctx.clock.now()
    let queued = 0
    this.store.transaction(() => {
      for (const target of targets) {
        const ids =
          input.requestIds ??
          this.store.forward.replayable({
            profileId,
            limit: REPLAY_LIMIT,
            ...(input.since === undefined ? {} : { since: input.since }),
            ...(input.until === undefined ? {} : { until: input.until }),
            ...(input.contact === undefined ? {} : { contact: input.contact }),
            ...(input.failuresOnly ? { failuresOnly: { targetId: target.id } } : {}),
          })
        queued += this.store.forward.enqueue(target.id, ids, 'replay', null, now)
      }
    })
    if (input.requestIds && queued === 0) throw new SwitchboardError({ code: 'not_found', message: 'None of these requests is stored (they may have passed the retention period)' })
    this.outbox.wake()
    this.announceSoon()
    return { queued, targets: targets.length }
  }

  /** Sends the operator's edit of a stored delivery, signed with the profile's app secret (or the target's own). */
  async resend(input: { requestId: number; targetId: number; body: string }): Promise<{ queued: number; targets: number }> {
    const target = this.requireTarget(input.targetId)
    const request = this.store.inbox.request(input.requestId)
    if (!request || request.verdict !== 'accepted') throw new SwitchboardError({ code: 'not_found', message: `Request ${input.requestId} is not a stored delivery` })
    if (!target.resign && !(await this.vault.load(target.profileId)).appSecret) {
      throw new SwitchboardError({ code: 'not_configured', message: 'The profile has no app secret to sign the edited body with', fix: 'Set the app secret in Settings' })
    }
    const queued = this.store.forward.enqueue(target.id, [input.requestId], 'edited', input.body, this.ctx.clock.now())
    this.outbox.wake()
    this.announceSoon()
    return { queued, targets: 1 }
  }

  /** Resumes a paused target (or all), revives given-up deliveries and makes everything due now. */
  retry(targetId?: number): ForwardStatus {
    const targets = targetId === undefined ? this.store.forward.targets(this.requireProfile()) : [this.requireTarget(targetId)]
    const now = this.ctx.clock.now()
    for (const target of targets) {
      this.store.forward.revive(target.id, now)
      this.outbox.reload()
      // Also where this process is not the one delivering (a CLI command): the stored state says resumed.
      this.outbox.retryNow(target.id)
    }
    return this.changed()
  }

  setHorizon(hours: number): ForwardStatus {
    this.store.settings.set(HORIZON_KEY, String(hours))
    return this.changed()
  }

  horizonHours(): number {
    const stored = Number(this.store.settings.get(HORIZON_KEY))
    return Number.isInteger(stored) && stored > 0 ? stored : DEFAULT_HORIZON_HOURS
  }

  private view(row: ForwardTargetRow): ForwardTarget {
    const health = this.outbox.health(row.id)
    const pausedSince = health?.pausedAt ?? row.pausedAt
    const counts = this.store.forward.counts(row.id)
    const failures = health?.failures ?? 0
    return {
      id: row.id,
      url: row.url,
      enabled: row.enabled,
      resign: row.resign,
      passVerification: row.passVerification,
      health: {
        state: !row.enabled ? 'disabled' : pausedSince !== null ? 'paused' : failures > 0 || counts.retrying > 0 ? 'retrying' : 'ok',
        pausedSince,
        failures,
        lastError: health?.lastError ?? null,
        lastDeliveredAt: health?.lastDeliveredAt ?? null,
        nextProbeAt: health?.nextProbeAt ?? null,
      },
      counts,
    }
  }

  private changed(): ForwardStatus {
    this.outbox.reload()
    this.outbox.wake()
    const status = this.status()
    this.announcedAt = this.ctx.clock.now()
    this.ctx.events.emit('forward.changed', status)
    return status
  }

  /** At most one announcement a second while the queues move. */
  private announceSoon(): void {
    if (this.announceTimer) return
    const wait = Math.max(0, this.announcedAt + ANNOUNCE_MS - this.ctx.clock.now())
    this.announceTimer = this.ctx.clock.setTimeout(() => {
      this.announceTimer = undefined
      this.announcedAt = this.ctx.clock.now()
      try {
        this.ctx.events.emit('forward.changed', this.status())
      } catch (error) {
        this.ctx.log.warn('forward status could not be read', { error: (error as Error).message })
      }
    }, wait)
  }

  private requireProfile(): string {
    const profile = this.active.snapshot().profile
    if (!profile) throw new SwitchboardError({ code: 'not_configured', message: 'No profile is active', fix: 'Create or choose a profile in Settings' })
    return profile.id
  }

  private requireTarget(id: number): ForwardTargetRow {
    const target = this.store.forward.target(id)
    if (!target || target.profileId !== this.active.snapshot().profile?.id) {
      throw new SwitchboardError({ code: 'not_found', message: `Forward target ${id} is not one of the active profile’s` })
    }
    return target
  }
}

/** One spelling per URL, so the same bot is not added twice (`http://LOCALHOST:3000/x#y` → `http://localhost:3000/x`). */
function normalise(value: string): string {
  const url = new URL(value.trim())
  url.hash = ''
  return url.toString()
}
