import { performance } from 'node:perf_hooks'
import type { Clock, ClockTimer } from '../clock'
import type { Logger } from '../log'
import { addChange, hasChange, noChange, type InboxChange, type PendingRequest, type Store } from '../store'
import { parseDelivery } from './payload'

/** Filing one request takes about 0.1 ms; a slice holds the event loop for a few ms at most. */
const SLICE_MS = 5
const SLICE_MAX_REQUESTS = 256
/**
 * While acknowledgements are waiting they go first (a slow webhook makes Meta retry, then
 * disable it); the inbox still moves every so often, in a shorter slice that keeps p99 low.
 */
const MAX_WAIT_MS = 1_000
const SLICE_UNDER_LOAD_MS = 2
/** About what fits in the short slice: no point reading more stored bodies than it can file. */
const SLICE_UNDER_LOAD_REQUESTS = 32
const RETRY_AFTER_FAULT_MS = 1_000

export interface InboxBacklogOptions {
  store: Store
  clock: Clock
  log: Logger
  /** True while acknowledgements are waiting for a commit: those go before filing. */
  ingestWaiting: () => boolean
  onFiled: (change: InboxChange) => void
  onSizeChange: (size: number) => void
  /** The error of a failed filing transaction, or null once filing works again. */
  onFault: (error: unknown) => void
}

/**
 * Deliveries acknowledged during a burst whose messages and statuses are not in the inbox yet.
 * Their raw requests are committed (`inbox_pending = 1`), so nothing acknowledged is lost; this
 * files them in small slices whenever acknowledgements are not waiting, and after a restart picks
 * up whatever an earlier run left. Filing is idempotent, so a slice cut short is simply redone.
 */
export class InboxBacklog {
  private size = 0
  private running = false
  private scheduled: NodeJS.Immediate | undefined
  private retry: ClockTimer | undefined
  private lastSliceAt = 0

  constructor(private readonly options: InboxBacklogOptions) {}

  /** Requests committed but not yet filed into the inbox. */
  get pending(): number {
    return this.size
  }

  /** Starts filing, beginning with what the store still holds from an earlier run. */
  resume(): void {
    this.running = true
    this.resize(this.options.store.capture.pendingCount())
    this.schedule()
  }

  /** Stops filing; what is left stays marked in the store for the next `resume`. */
  stop(): void {
    this.running = false
    if (this.scheduled) clearImmediate(this.scheduled)
    this.scheduled = undefined
    if (this.retry) this.options.clock.clearTimeout(this.retry)
    this.retry = undefined
  }

  /** `count` more requests were committed with their events left for the backlog. */
  added(count: number): void {
    if (count === 0) return
    this.resize(this.size + count)
    this.schedule()
  }

  schedule(): void {
    if (!this.running || this.size === 0 || this.scheduled || this.retry) return
    this.scheduled = setImmediate(() => {
      this.scheduled = undefined
      this.slice()
    })
  }

  /** Files what it can within `budgetMs`, blocking (shutdown, and tests that need the inbox complete). */
  drain(budgetMs = Infinity): void {
    const deadline = performance.now() + budgetMs
    while (this.size > 0 && performance.now() < deadline && this.fileSlice(deadline, SLICE_MAX_REQUESTS)) {
      // each pass files up to SLICE_MAX_REQUESTS in one transaction
    }
  }

  private slice(): void {
    const now = performance.now()
    // The committer calls schedule() after each flush, so a skipped slice is retried soon.
    const underLoad = this.options.ingestWaiting()
    if (underLoad && now - this.lastSliceAt < MAX_WAIT_MS) return
    this.lastSliceAt = now
    const [budgetMs, limit] = underLoad ? [SLICE_UNDER_LOAD_MS, SLICE_UNDER_LOAD_REQUESTS] : [SLICE_MS, SLICE_MAX_REQUESTS]
    if (this.fileSlice(now + budgetMs, limit)) this.schedule()
  }

  /** Files up to one slice in one transaction; false when it failed and a retry is armed. */
  private fileSlice(deadline: number, limit: number): boolean {
    const { store, log } = this.options
    const change = noChange()
    let fetched = 0
    let filed = 0
    try {
      // Unsynced: a filing lost to a power cut leaves its requests pending, and they are filed again.
      store.wal.unsynced(() => {
        const batch = store.capture.pending(limit)
        fetched = batch.length
        for (const request of batch) {
          const one = this.fileOne(request)
          if (one) addChange(change, one)
          store.capture.markFiled(request.id)
          filed++
          if (performance.now() > deadline) break
        }
      })
    } catch (error) {
      log.error('could not file webhook deliveries into the inbox; retrying', { error: (error as Error).message })
      this.options.onFault(error)
      if (this.running) {
        this.retry = this.options.clock.setTimeout(() => {
          this.retry = undefined
          this.schedule()
        }, RETRY_AFTER_FAULT_MS)
      }
      return false
    }
    this.options.onFault(null)
    // Fewer rows than asked for and all of them filed: the store holds no more.
    this.resize(fetched < limit && filed === fetched ? 0 : Math.max(0, this.size - filed))
    if (hasChange(change)) this.options.onFiled(change)
    return true
  }

  /** One request in its own savepoint: a request that cannot be filed is logged and left in the inspector. */
  private fileOne(request: PendingRequest): InboxChange | undefined {
    const { store, log } = this.options
    store.db.exec('SAVEPOINT file_request')
    try {
      const change = store.capture.file(request.id, request.profileId, request.receivedAt, parseDelivery(JSON.parse(request.body), request.receivedAt))
      store.db.exec('RELEASE file_request')
      return change
    } catch (error) {
      store.db.exec('ROLLBACK TO file_request')
      store.db.exec('RELEASE file_request')
      log.error('a webhook delivery could not be filed into the inbox; its raw request stays in the inspector', { requestId: request.id, error: (error as Error).message })
      return undefined
    }
  }

  private resize(size: number): void {
    if (size === this.size) return
    this.size = size
    this.options.onSizeChange(size)
  }
}
