import { noChange, type CapturedRequest, type CaptureResult, type Store } from '../store'
import { BurstMeter } from './burst-meter'
import type { InboxBacklog } from './inbox-backlog'

interface Pending {
  request: CapturedRequest
  resolve: (result: CaptureResult) => void
  reject: (error: unknown) => void
}

type Outcome = { ok: true; result: CaptureResult } | { ok: false; error: unknown }

export interface CommitOutcome {
  results: CaptureResult[]
  requests: CapturedRequest[]
}

const MAX_BATCH = 1000
/**
 * At normal rates a batch is filed into the inbox before it is acknowledged. In a burst (a batch
 * of more than INLINE_FILING_MAX, or more than BURST_PER_WINDOW arrivals within RATE_WINDOW_MS,
 * i.e. 2,000/s) requests are acknowledged once their raw form is committed, and the backlog files
 * their events right after: about 0.1 ms of work each that the acknowledgement need not wait for.
 * (Batch size alone is not enough: at a steady high rate, filing inline keeps batches small.)
 */
const INLINE_FILING_MAX = 16
const RATE_WINDOW_MS = 100
const BURST_PER_WINDOW = 200

/**
 * Durability without paying one fsync per request: everything submitted while a commit is
 * pending goes into the next transaction together. A request is answered only after the
 * transaction holding it has committed and is on disk; a request that cannot be written fails alone (savepoint),
 * and a failing commit fails every request in it, so nothing acknowledged is ever lost. Once the
 * inbox has a backlog, every delivery goes through it, so the inbox files them in arrival order.
 */
export class GroupCommitter {
  private queue: Pending[] = []
  private scheduled = false
  /** Batches committed whose fsync is still running, and how many requests they hold. */
  private readonly syncing = new Set<Promise<void>>()
  private awaitingSync = 0
  private readonly arrivals = new BurstMeter(RATE_WINDOW_MS, BURST_PER_WINDOW)

  constructor(
    private readonly store: Store,
    private readonly backlog: InboxBacklog,
    private readonly onCommit: (outcome: CommitOutcome) => void,
    /** Called with the error of a failed commit, or null once commits succeed again. */
    private readonly onFault: (error: unknown) => void,
  ) {}

  submit(request: CapturedRequest): Promise<CaptureResult> {
    this.arrivals.arrived()
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject })
      this.schedule()
    })
  }

  /** True while requests wait for their commit. */
  get waiting(): boolean {
    return this.queue.length > 0
  }

  private writeOne(request: CapturedRequest, deferFiling: boolean): CaptureResult {
    if (!deferFiling || !request.delivery) return this.store.capture.write(request)
    return { requestId: this.store.capture.record(request, true), ...noChange() }
  }

  private write(batch: Pending[], isolate: boolean, deferFiling: boolean): { result: Outcome[]; durable: Promise<void> } {
    return this.store.wal.transaction(() =>
      batch.map((item): Outcome => {
        if (!isolate) return { ok: true, result: this.writeOne(item.request, deferFiling) }
        this.store.db.exec('SAVEPOINT request')
        try {
          const result = this.writeOne(item.request, deferFiling)
          this.store.db.exec('RELEASE request')
          return { ok: true, result }
        } catch (error) {
          this.store.db.exec('ROLLBACK TO request')
          this.store.db.exec('RELEASE request')
          return { ok: false, error }
        }
      }),
    )
  }

  /**
   * One fsync at a time: while one runs, new requests gather (the event loop keeps reading and
   * checking them) and commit together when it ends. Fewer, bigger commits under load; no wait
   * when idle.
   */
  private schedule(): void {
    if (this.scheduled || this.syncing.size > 0 || this.queue.length === 0) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      if (this.syncing.size === 0) this.flush()
      else this.schedule()
    })
  }

  /** Settles once every commit so far is on disk and answered. */
  async settled(): Promise<void> {
    while (this.syncing.size > 0) await Promise.allSettled([...this.syncing])
  }

  /** Writes what is queued now (also called on shutdown); answers each batch once its commit is on disk. */
  flush(): void {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH)
      const deferFiling = this.arrivals.inBurst || batch.length + this.awaitingSync > INLINE_FILING_MAX || this.backlog.pending > 0
      let commit: { result: Outcome[]; durable: Promise<void> }
      try {
        // The common case in one plain transaction; only a batch that fails is redone with a
        // savepoint per request, so one bad request fails alone (savepoints cost ~5% of ingest).
        commit = this.write(batch, false, deferFiling)
      } catch {
        try {
          commit = this.write(batch, true, deferFiling)
        } catch (error) {
          for (const item of batch) item.reject(error)
          this.onFault(error)
          continue
        }
      }
      const outcomes = commit.result
      // Committed, so the backlog may file them now; the answers wait for the disk.
      this.backlog.added(deferFiling ? batch.filter((item, index) => outcomes[index]!.ok && item.request.delivery).length : 0)
      const answered = commit.durable.then(
        () => this.answer(batch, outcomes),
        (error: unknown) => {
          // Committed but maybe not on disk: not acknowledged, so Meta redelivers (stored once).
          for (const item of batch) item.reject(error)
          this.onFault(error)
        },
      )
      this.syncing.add(answered)
      this.awaitingSync += batch.length
      const done = () => {
        this.syncing.delete(answered)
        this.awaitingSync -= batch.length
        this.schedule()
      }
      void answered.then(done, done)
    }
    this.backlog.schedule()
  }

  private answer(batch: Pending[], outcomes: Outcome[]): void {
    this.onFault(null)
    const committed: CommitOutcome = { results: [], requests: [] }
    batch.forEach((item, index) => {
      const outcome = outcomes[index]!
      if (outcome.ok) {
        committed.results.push(outcome.result)
        committed.requests.push(item.request)
        item.resolve(outcome.result)
      } else item.reject(outcome.error)
    })
    this.onCommit(committed)
  }
}
