import type { CapturedRequest, CaptureResult, Store } from '../store'

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
 * Durability without paying one fsync per request: everything submitted while a commit is
 * pending goes into the next transaction together. A request is answered only after the
 * transaction holding it has committed; a request that cannot be written fails alone (savepoint),
 * and a failing commit fails every request in it, so nothing acknowledged is ever lost.
 */
export class GroupCommitter {
  private queue: Pending[] = []
  private scheduled = false

  constructor(
    private readonly store: Store,
    private readonly onCommit: (outcome: CommitOutcome) => void,
    /** Called with the error of a failed commit, or null once commits succeed again. */
    private readonly onFault: (error: unknown) => void,
  ) {}

  submit(request: CapturedRequest): Promise<CaptureResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject })
      if (!this.scheduled) {
        this.scheduled = true
        setImmediate(() => this.flush())
      }
    })
  }

  private write(batch: Pending[], isolate: boolean): Outcome[] {
    return this.store.transaction(() =>
      batch.map((item): Outcome => {
        if (!isolate) return { ok: true, result: this.store.capture.write(item.request) }
        this.store.db.exec('SAVEPOINT request')
        try {
          const result = this.store.capture.write(item.request)
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

  /** Writes what is queued now (also called on shutdown). */
  flush(): void {
    this.scheduled = false
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH)
      let outcomes: Outcome[]
      try {
        // The common case in one plain transaction; only a batch that fails is redone with a
        // savepoint per request, so one bad request fails alone (savepoints cost ~5% of ingest).
        outcomes = this.write(batch, false)
      } catch {
        try {
          outcomes = this.write(batch, true)
        } catch (error) {
          for (const item of batch) item.reject(error)
          this.onFault(error)
          continue
        }
      }
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
}
