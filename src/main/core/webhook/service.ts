import { SwitchboardError, type ListenerState, type RequestSummary } from '@shared/contract'
import type { ActiveProfile } from '../active-profile'
import type { ClockTimer } from '../clock'
import type { CoreContext } from '../context'
import { addChange, hasChange, noChange, WalCheckpointer, type CapturedRequest, type CaptureResult, type InboxChange, type Store } from '../store'
import { GroupCommitter, type CommitOutcome } from './group-commit'
import { InboxBacklog } from './inbox-backlog'
import { startWebhookListener, type WebhookListener } from './listener'
import { RefusalCounter } from './refusal-counter'

const RETENTION_KEY = 'webhook.retention_days'
const PORT_KEY = 'webhook.port'
export const DEFAULT_WEBHOOK_PORT = 4871
const DEFAULT_RETENTION_DAYS = 30
const PRUNE_EVERY_MS = 6 * 60 * 60 * 1000
/** How often the listener state is re-announced while the inbox backlog shrinks or grows. */
const BACKLOG_ANNOUNCE_MS = 1_000
/** Stopping files what it can in this long; the rest is filed on the next start. */
const STOP_FILING_MS = 2_000
/** Refused requests kept for the inspector: the newest, within a count and a size. */
const REFUSED_KEPT = 2_000
const REFUSED_BYTES_KEPT = 16 * 1024 * 1024
const PRUNE_REFUSED_EVERY = 100

/** The webhook listener's lifecycle, its durable intake, and what the UI hears about both. */
export class WebhookService {
  private listener: WebhookListener | undefined
  private error: string | null = null
  private storeFault: string | null = null
  private filingFault: string | null = null
  private pruneTimer: ClockTimer | undefined
  private backlogAnnouncedAt = -Infinity
  readonly committer: GroupCommitter
  readonly backlog: InboxBacklog
  /** While the listener runs, WAL checkpoints happen on a worker thread, not in an acknowledgement's commit. */
  private readonly checkpointer: WalCheckpointer
  /** Messages first stored since this process started: the inbox's live counter. */
  receivedThisSession = 0
  private readonly refused: RefusalCounter
  /** Refusals since the last quota check. */
  private refusedUnpruned = 0

  private readonly ctx: CoreContext
  private readonly store: Store
  private readonly active: ActiveProfile

  constructor(deps: { ctx: CoreContext; store: Store; active: ActiveProfile }) {
    const { ctx, store } = deps
    this.ctx = ctx
    this.store = store
    this.active = deps.active
    this.refused = new RefusalCounter(() => ctx.clock.now())
    this.backlog = new InboxBacklog({
      store,
      clock: ctx.clock,
      log: ctx.log,
      ingestWaiting: () => this.committer.waiting,
      onFiled: (change) => this.filed(change),
      onSizeChange: (size) => this.backlogResized(size),
      onFault: (fault) => this.filingFailed(fault),
    })
    this.checkpointer = new WalCheckpointer(store.db, store.file, { onError: (message) => ctx.log.warn(message) })
    this.committer = new GroupCommitter(
      store,
      this.backlog,
      (outcome) => this.committed(outcome),
      (fault) => this.fault(fault),
    )
  }

  /** The port the desktop app listens on: the last one chosen, else the default. */
  preferredPort(): number {
    const stored = Number(this.store.settings.get(PORT_KEY))
    return Number.isInteger(stored) && stored > 0 && stored < 65536 ? stored : DEFAULT_WEBHOOK_PORT
  }

  /** Restart on another port (from the UI) and remember it; a port in use leaves the listener stopped with the reason. */
  async restart(port: number): Promise<ListenerState> {
    await this.start(port)
    if (port !== 0) this.store.settings.set(PORT_KEY, String(port))
    return this.status()
  }

  async start(port: number): Promise<ListenerState> {
    await this.stop()
    this.checkpointer.start()
    this.backlog.resume()
    try {
      this.listener = await startWebhookListener({
        port,
        committer: this.committer,
        clock: this.ctx.clock,
        log: this.ctx.log,
        credentials: () => {
          const snapshot = this.active.snapshot()
          return { profileId: snapshot.profile?.id ?? null, appSecret: snapshot.secrets.appSecret, verifyToken: snapshot.secrets.verifyToken }
        },
      })
      this.error = null
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      this.error =
        code === 'EADDRINUSE'
          ? `Port ${port} on 127.0.0.1 is already in use: stop the other program or choose another webhook port`
          : `The webhook listener could not start on port ${port}: ${(error as Error).message}`
      this.announce()
      throw new SwitchboardError({ code: code === 'EADDRINUSE' ? 'port_in_use' : 'internal', message: this.error })
    }
    this.prune()
    this.announce()
    return this.status()
  }

  async stop(): Promise<void> {
    if (this.pruneTimer) this.ctx.clock.clearTimeout(this.pruneTimer)
    this.pruneTimer = undefined
    const listener = this.listener
    this.listener = undefined
    if (listener) await listener.close()
    this.committer.flush()
    await this.committer.settled()
    this.backlog.stop()
    this.backlog.drain(STOP_FILING_MS)
    await this.checkpointer.stop()
  }

  status(): ListenerState {
    return {
      state: this.listener ? 'listening' : this.error ? 'error' : 'stopped',
      url: this.listener?.url ?? null,
      port: this.listener?.port ?? null,
      error: this.error,
      storeFault: this.storeFault,
      inboxBacklog: this.backlog.pending,
      inboxFault: this.filingFault,
      retentionDays: this.retentionDays(),
      refused: this.refused.snapshot(),
    }
  }

  retentionDays(): number {
    const stored = Number(this.store.settings.get(RETENTION_KEY))
    return Number.isInteger(stored) && stored > 0 ? stored : DEFAULT_RETENTION_DAYS
  }

  setRetention(days: number): ListenerState {
    this.store.settings.set(RETENTION_KEY, String(days))
    this.prune()
    this.announce()
    return this.status()
  }

  /** Drops raw requests past the retention period (their messages and statuses stay), then re-arms. */
  prune(): void {
    if (this.pruneTimer) this.ctx.clock.clearTimeout(this.pruneTimer)
    try {
      this.pruneRefused()
      const removed = this.store.inbox.pruneRequests(this.ctx.clock.now() - this.retentionDays() * 24 * 60 * 60 * 1000)
      if (removed > 0) this.ctx.log.info('pruned old webhook requests', { removed })
    } catch (error) {
      this.ctx.log.warn('could not prune webhook requests', { error: (error as Error).message })
    }
    this.pruneTimer = this.ctx.clock.setTimeout(() => this.prune(), PRUNE_EVERY_MS)
  }

  private committed({ results, requests }: CommitOutcome): void {
    const change = noChange()
    let refused = 0
    results.forEach((result, index) => {
      const request = requests[index]!
      this.ctx.events.emit('webhook.request', summary(request, result))
      if (request.verdict === 'rejected' || request.verdict === 'verify_failed') refused++
      addChange(change, result)
    })
    this.filed(change)
    if (refused > 0) this.countRefused(refused)
  }

  private filed(change: InboxChange): void {
    this.receivedThisSession += change.newMessages
    if (hasChange(change)) this.ctx.events.emit('inbox.changed', change)
  }

  /** Announced when a backlog appears or clears, and at most once a second in between. */
  private backlogResized(size: number): void {
    const now = this.ctx.clock.now()
    if (size > 0 && now - this.backlogAnnouncedAt < BACKLOG_ANNOUNCE_MS) return
    this.backlogAnnouncedAt = size === 0 ? -Infinity : now
    this.announce()
  }

  /** Refused requests are counted, and their rows kept within the quota, so a flood costs neither disk nor the inspector. */
  private countRefused(count: number): void {
    this.refused.add(count)
    this.refusedUnpruned += count
    if (this.refusedUnpruned >= PRUNE_REFUSED_EVERY) {
      this.refusedUnpruned = 0
      this.pruneRefused()
    }
    this.announce()
  }

  private pruneRefused(): void {
    try {
      this.store.inbox.pruneRefused(REFUSED_KEPT, REFUSED_BYTES_KEPT)
    } catch (error) {
      this.ctx.log.warn('could not prune refused webhook requests', { error: (error as Error).message })
    }
  }

  private filingFailed(error: unknown): void {
    const message = error === null ? null : `The store cannot file them into the inbox (${(error as Error).message}); retrying every second`
    if (message === this.filingFault) return
    this.filingFault = message
    this.announce()
  }

  private fault(error: unknown): void {
    const message = error === null ? null : `The store cannot commit webhook deliveries (${(error as Error).message}); they are answered 503 so Meta retries later`
    if (message === this.storeFault) return
    this.storeFault = message
    if (message) this.ctx.log.error('webhook store fault', { error: message })
    this.announce()
  }

  private announce(): void {
    this.ctx.events.emit('webhook.listener', this.status())
  }
}

function summary(request: CapturedRequest, result: CaptureResult): RequestSummary {
  const delivery = request.delivery
  return {
    id: result.requestId,
    receivedAt: request.receivedAt,
    method: request.method,
    path: request.path,
    verdict: request.verdict,
    status: request.status,
    reason: request.reason,
    signature: request.signature,
    size: request.size,
    eventCount: delivery ? delivery.messages.length + delivery.statuses.length + delivery.events.length : 0,
  }
}
