import type { ClockTimer } from '../clock'
import type { CoreContext } from '../context'
import type { AttemptOutcome, DueJob, ForwardTargetRow, Store } from '../store'
import { signBody } from '../webhook'
import { retryDelay, type ForwardPolicy } from './policy'
import { ForwardSender, type ForwardAnswer, type ForwardRequest } from './sender'

/** What the outbox needs to sign and complete a request; read from the keychain by the caller. */
export interface ForwardSecrets {
  /** The profile's app secret: an edited body is signed with it. */
  appSecret(profileId: string): Promise<string | undefined>
  /** The profile's verify token: a passed-through handshake carries it (the stored path does not). */
  verifyToken(profileId: string): Promise<string | undefined>
  /** A target's own signing secret. */
  targetSecret(targetId: number): Promise<string | undefined>
}

/** A target's health as the outbox sees it (kept in memory; `pausedAt` is also stored). */
export interface TargetHealth {
  failures: number
  lastError: string | null
  lastDeliveredAt: number | null
  pausedAt: number | null
  nextProbeAt: number | null
}

interface Worker {
  target: ForwardTargetRow
  health: TargetHealth
  /** HTTP requests in flight. */
  sending: number
  /** Jobs read from the store and not sent yet (read in batches: one query per batch, not per delivery). */
  queue: DueJob[]
  /** Jobs queued, sent or being sent whose outcome is not committed yet: never picked again meanwhile. */
  claimed: Set<number>
  /** The job a paused target is being probed with. */
  probing: number | null
  probeDelay: number
}

/** Outcomes committed at once at most this far apart, or as soon as this many wait. */
const COMMIT_EVERY_MS = 25
const COMMIT_BATCH = 512
/** Pending jobs read from the store at once, per target. */
const BATCH = 256
/** While jobs are pending, when the oldest passes the horizon is re-read at most this often (it changes as they go). */
const EXPIRY_RECHECK_MS = 1_000

/**
 * The forward outbox: sends every pending job to its target, at most `concurrency` at once per
 * target, records each attempt, retries failures with backoff until the horizon, pauses a target
 * that keeps failing (one probe at a time, less and less often) and resumes it by itself when it
 * answers. Outcomes are committed in batches without waiting for the disk: a crash can only make
 * a delivery go again (at least once), never lose one.
 */
export class ForwardOutbox {
  private readonly workers = new Map<number, Worker>()
  private readonly sender: ForwardSender
  private outcomes: AttemptOutcome[] = []
  private scheduled = false
  private timer: ClockTimer | undefined
  /** Wall-clock poll for work queued by another process (a CLI replay); never the core's clock, which tests move by days. */
  private poll: NodeJS.Timeout | undefined
  /** When the oldest pending job passes the retry horizon (checked again then). */
  private nextExpiryAt: number | null = null
  private expiryCheckedAt = -Infinity
  /** Outcomes wait for this timer (or a full batch) before they are committed. */
  private commitTimer: NodeJS.Timeout | undefined
  private commitDue = false
  private running = false
  private readonly inFlight = new Set<Promise<void>>()

  constructor(
    private readonly deps: {
      ctx: CoreContext
      store: Store
      policy: ForwardPolicy
      secrets: ForwardSecrets
      horizonMs: () => number
      /** Health or queues changed (attempts committed): the service announces, at most once a second. */
      onChange: () => void
    },
  ) {
    this.sender = new ForwardSender({ connections: deps.policy.concurrency, timeoutMs: deps.policy.timeoutMs })
  }

  start(): void {
    if (this.running) return
    this.running = true
    this.reload()
    this.wake()
  }

  /** Something may be due now (a delivery was committed, a replay queued): look at once (`commit`: and commit every outcome). */
  wake(commit = false): void {
    if (commit) this.commitDue = true
    if (!this.running || this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      this.tick()
    })
  }

  /** Re-reads the targets (added, changed or removed here or by another process). */
  reload(): void {
    const now = this.deps.ctx.clock.now()
    const seen = new Set<number>()
    for (const target of this.deps.store.forward.targets()) {
      seen.add(target.id)
      const worker = this.workers.get(target.id)
      if (worker) {
        worker.target = target
        // Resumed by another process (`switchboard forward retry`).
        if (worker.health.pausedAt !== null && target.pausedAt === null) {
          worker.health.pausedAt = null
          worker.health.nextProbeAt = null
          worker.probeDelay = this.deps.policy.firstProbeMs
        }
        continue
      }
      this.workers.set(target.id, {
        target,
        // A target paused before a restart is probed at once.
        health: { failures: 0, lastError: null, lastDeliveredAt: null, pausedAt: target.pausedAt, nextProbeAt: target.pausedAt === null ? null : now },
        sending: 0,
        queue: [],
        claimed: new Set(),
        probing: null,
        probeDelay: this.deps.policy.firstProbeMs,
      })
    }
    for (const [id, worker] of this.workers) {
      if (seen.has(id)) continue
      this.workers.delete(id)
      if (![...this.workers.values()].some((other) => new URL(other.target.url).origin === new URL(worker.target.url).origin)) {
        this.sender.forget(new URL(worker.target.url).origin)
      }
    }
  }

  health(targetId: number): TargetHealth | undefined {
    return this.workers.get(targetId)?.health
  }

  /** Try a target now: a paused one is resumed and everything it holds is due. */
  retryNow(targetId: number): void {
    const worker = this.workers.get(targetId)
    if (!worker) return
    this.resume(worker, this.deps.ctx.clock.now())
    this.wake()
  }

  /** Stops sending; what is in flight finishes (or times out) and its outcome is committed. */
  async stop(): Promise<void> {
    this.running = false
    if (this.timer) this.deps.ctx.clock.clearTimeout(this.timer)
    this.timer = undefined
    clearTimeout(this.poll)
    this.poll = undefined
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight])
    this.commitOutcomes()
    await this.sender.close()
  }

  private tick(): void {
    if (!this.running) return
    if (this.timer) this.deps.ctx.clock.clearTimeout(this.timer)
    this.timer = undefined
    const now = this.deps.ctx.clock.now()
    try {
      if (this.commitDue || this.outcomes.length >= COMMIT_BATCH) this.commitOutcomes()
      // Given up once the oldest pending job passes the horizon; the next look is armed for that moment.
      if (this.nextExpiryAt === null || now >= this.nextExpiryAt || now - this.expiryCheckedAt >= EXPIRY_RECHECK_MS) {
        this.expiryCheckedAt = now
        if (this.nextExpiryAt !== null && now >= this.nextExpiryAt && this.deps.store.forward.expire(now - this.deps.horizonMs(), now) > 0) this.deps.onChange()
        const oldest = this.deps.store.forward.oldestPendingCreatedAt()
        this.nextExpiryAt = oldest === null ? null : oldest + this.deps.horizonMs()
      }
      for (const worker of this.workers.values()) this.dispatch(worker, now)
    } catch (error) {
      this.deps.ctx.log.warn('forward outbox could not read or write the store; trying again shortly', { error: (error as Error).message })
    }
    this.arm(now)
  }

  /**
   * The next look: when the soonest job or probe is due or the oldest job passes the horizon (on
   * the core's clock), and every `idlePollMs` of wall time whatever happens.
   */
  private arm(now: number): void {
    let next: number | null = this.nextExpiryAt !== null && this.nextExpiryAt > now ? this.nextExpiryAt : null
    const sooner = (at: number) => (next = next === null ? at : Math.min(next, at))
    for (const worker of this.workers.values()) {
      if (!worker.target.enabled) continue
      // What is due already but was not sent waits for a request in flight, whose end looks again.
      if (worker.health.pausedAt !== null) {
        const probeAt = worker.health.nextProbeAt
        if (probeAt !== null && probeAt > now) sooner(probeAt)
        continue
      }
      // Busy: the end of a request looks again.
      if (worker.sending > 0 || worker.queue.length > 0) continue
      const due = this.deps.store.forward.nextDue(worker.target.id)
      if (due !== null && due > now) sooner(due)
    }
    if (next !== null) {
      this.timer = this.deps.ctx.clock.setTimeout(() => {
        this.timer = undefined
        this.tick()
      }, next - now)
    }
    if (this.poll === undefined) {
      this.poll = setTimeout(() => {
        this.poll = undefined
        this.reload()
        this.tick()
      }, this.deps.policy.idlePollMs)
      this.poll.unref()
    }
  }

  private dispatch(worker: Worker, now: number): void {
    const { health } = worker
    if (!worker.target.enabled || health.pausedAt !== null) this.release(worker)
    if (!worker.target.enabled) return
    if (health.pausedAt !== null) {
      // Paused: one probe at a time, when it is due.
      if (worker.sending > 0 || health.nextProbeAt === null || now < health.nextProbeAt) return
      const probe = this.deps.store.forward.oldestPending(worker.target.id)
      if (!probe || worker.claimed.has(probe.id)) return
      health.nextProbeAt = null
      worker.probing = probe.id
      this.send(worker, probe)
      return
    }
    while (worker.sending < this.deps.policy.concurrency) {
      if (worker.queue.length === 0) {
        for (const job of this.deps.store.forward.due(worker.target.id, now, BATCH + worker.claimed.size)) {
          if (worker.claimed.has(job.id)) continue
          worker.claimed.add(job.id)
          worker.queue.push(job)
        }
        if (worker.queue.length === 0) return
      }
      this.send(worker, worker.queue.shift()!)
    }
  }

  /** Puts back what a paused or disabled target had read but not sent. */
  private release(worker: Worker): void {
    for (const job of worker.queue) worker.claimed.delete(job.id)
    worker.queue = []
  }

  private send(worker: Worker, job: DueJob): void {
    worker.claimed.add(job.id)
    worker.sending++
    const done = this.request(worker.target, job)
      .then((request) => this.sender.send(request))
      .catch((error: unknown): ForwardAnswer => ({ status: null, error: (error as Error).message, latencyMs: 0, answer: null }))
      .then((answer) => this.finished(worker, job, answer))
    this.inFlight.add(done)
    void done.finally(() => this.inFlight.delete(done))
  }

  /** The request the bot gets: Meta's bytes and headers, signed anew only where the target or an edit needs it. */
  private async request(target: ForwardTargetRow, job: DueJob): Promise<ForwardRequest> {
    const url = new URL(target.url)
    const headers: Record<string, string> = {
      'x-switchboard-forward': job.kind,
      'x-switchboard-request-id': String(job.requestId),
    }
    const userAgent = job.headers['user-agent']
    if (userAgent) headers['user-agent'] = userAgent
    if (job.method === 'GET') {
      // Meta's handshake, passed through: its query with the verify token the stored path leaves out.
      const query = new URL(job.path, 'http://stored').searchParams
      const verifyToken = await this.deps.secrets.verifyToken(target.profileId)
      if (verifyToken !== undefined && query.has('hub.verify_token')) query.set('hub.verify_token', verifyToken)
      for (const [name, value] of query) url.searchParams.set(name, value)
      return { url, method: 'GET', headers, body: null }
    }
    const body = Buffer.from(job.body ?? '', 'utf8')
    headers['content-type'] = job.headers['content-type'] ?? 'application/json'
    const secret = target.resign
      ? await this.deps.secrets.targetSecret(target.id)
      : job.kind === 'edited'
        ? await this.deps.secrets.appSecret(target.profileId)
        : undefined
    if (target.resign || job.kind === 'edited') {
      if (secret === undefined) throw new Error(target.resign ? 'The target’s signing secret is not in the keychain: set it again' : 'The profile has no app secret to sign the edited body with')
      headers['x-hub-signature-256'] = signBody(body, secret)
    } else if (job.headers['x-hub-signature-256']) headers['x-hub-signature-256'] = job.headers['x-hub-signature-256']
    return { url, method: 'POST', headers, body }
  }

  private finished(worker: Worker, job: DueJob, answer: ForwardAnswer): void {
    worker.sending--
    const wasProbe = worker.probing === job.id
    if (wasProbe) worker.probing = null
    const now = this.deps.ctx.clock.now()
    const delivered = answer.error === null
    const { health } = worker
    let nextAt: number | null = null
    if (delivered) {
      health.failures = 0
      health.lastError = null
      health.lastDeliveredAt = now
      if (health.pausedAt !== null) this.resume(worker, now)
    } else {
      health.failures++
      health.lastError = answer.error
      const expired = now - job.createdAt >= this.deps.horizonMs()
      nextAt = expired ? null : now + retryDelay(job.attempts + 1, this.deps.policy)
      if (health.pausedAt !== null) {
        // Only the probe's failure moves the next probe; requests already in flight when it paused just fail.
        if (wasProbe) {
          health.nextProbeAt = now + worker.probeDelay
          worker.probeDelay = Math.min(worker.probeDelay * 2, this.deps.policy.maxProbeMs)
        }
      } else if (health.failures >= this.deps.policy.pauseAfterFailures) this.pause(worker, now)
    }
    this.outcomes.push({ jobId: job.id, at: now, status: answer.status, error: answer.error, latencyMs: answer.latencyMs, answer: answer.answer, delivered, nextAt })
    // Claimed until the outcome is committed, so the next look cannot pick the job again. Outcomes
    // are committed together, a few times a second: a commit per delivery would cost more than the delivery.
    if (this.commitTimer === undefined && this.outcomes.length < COMMIT_BATCH) {
      this.commitTimer = setTimeout(() => {
        this.commitTimer = undefined
        this.wake(true)
      }, COMMIT_EVERY_MS)
    }
    this.wake()
  }

  private pause(worker: Worker, now: number): void {
    worker.health.pausedAt = now
    worker.health.nextProbeAt = now + this.deps.policy.firstProbeMs
    worker.probeDelay = Math.min(this.deps.policy.firstProbeMs * 2, this.deps.policy.maxProbeMs)
    this.deps.store.forward.setPaused(worker.target.id, now)
    this.deps.ctx.log.warn('forward target paused: it keeps failing', { url: worker.target.url, error: worker.health.lastError })
  }

  private resume(worker: Worker, now: number): void {
    const wasPaused = worker.health.pausedAt !== null
    worker.health.pausedAt = null
    worker.health.nextProbeAt = null
    worker.probeDelay = this.deps.policy.firstProbeMs
    this.deps.store.forward.setPaused(worker.target.id, null)
    // Everything waiting for it goes now, not at each job's backoff: failures not yet committed
    // first, or their backoff would land after this and win.
    try {
      this.commitOutcomes()
    } catch (error) {
      this.deps.ctx.log.warn('forward outcomes could not be committed', { error: (error as Error).message })
    }
    this.deps.store.forward.dueNow(worker.target.id, now)
    if (wasPaused) this.deps.ctx.log.info('forward target answers again: resumed', { url: worker.target.url })
  }

  private commitOutcomes(): void {
    this.commitDue = false
    clearTimeout(this.commitTimer)
    this.commitTimer = undefined
    if (this.outcomes.length === 0) return
    const batch = this.outcomes
    this.outcomes = []
    try {
      this.deps.store.wal.unsynced(() => this.deps.store.forward.record(batch))
    } catch (error) {
      // Kept (and their jobs claimed) until the store takes them.
      this.outcomes = batch.concat(this.outcomes)
      throw error
    }
    for (const outcome of batch) for (const worker of this.workers.values()) worker.claimed.delete(outcome.jobId)
    // Announced once committed, so what the UI reads matches the health it hears about.
    this.deps.onChange()
  }
}
