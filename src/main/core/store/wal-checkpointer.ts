import { Worker } from 'node:worker_threads'
import type { DatabaseSync } from 'node:sqlite'

/** SQLite's own default: checkpoint on the committing connection once the WAL passes 1,000 pages. */
const AUTOCHECKPOINT_PAGES = 1000
/** How long the worker rests after a checkpoint that caught up with the WAL. */
const IDLE_MS = 500

/**
 * The checkpointer's thread. Plain CommonJS evaluated in a worker, so it needs no bundling of its
 * own. A PASSIVE checkpoint never blocks the writer; one that could not copy every frame (the
 * writer was busy) is simply repeated.
 */
const WORKER_SOURCE = `
// Like the CLI: node:sqlite's ExperimentalWarning stays off stderr (a thread prints its own).
process.removeAllListeners('warning')
process.on('warning', (warning) => {
  if (warning.name === 'ExperimentalWarning' && /SQLite/.test(warning.message)) return
  console.error(warning.name + ': ' + warning.message)
})
const { parentPort, workerData } = require('node:worker_threads')
const { DatabaseSync } = require('node:sqlite')
const db = new DatabaseSync(workerData.file)
db.exec('PRAGMA busy_timeout = 100')
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)')
let timer
parentPort.on('message', (message) => {
  if (message !== 'stop') return
  clearTimeout(timer)
  db.close()
  parentPort.close()
})
const pass = () => {
  let caughtUp = true
  try {
    const result = checkpoint.get()
    caughtUp = result.busy === 0 && result.checkpointed >= result.log
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) })
  }
  timer = setTimeout(pass, caughtUp ? ${IDLE_MS} : 5)
}
pass()
`

export interface CheckpointerEvents {
  onError(message: string): void
}

/**
 * Moves WAL checkpoints off the event loop. With the default auto-checkpoint, the commit that
 * crosses 1,000 pages copies the WAL into the main file and fsyncs it, holding the event loop
 * (and every webhook acknowledgement behind it) for tens of milliseconds on a large store. Here
 * the writer's connection stops checkpointing and a worker thread with its own connection does
 * it continuously. If the thread cannot run, the connection checkpoints itself again.
 */
export class WalCheckpointer {
  private worker: Worker | undefined

  constructor(
    private readonly db: DatabaseSync,
    private readonly file: string,
    private readonly events: CheckpointerEvents,
  ) {}

  get running(): boolean {
    return this.worker !== undefined
  }

  start(): void {
    if (this.worker) return
    let worker: Worker
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: this.file } })
    } catch (error) {
      this.events.onError(`background checkpoints unavailable, checkpointing on commit: ${(error as Error).message}`)
      return
    }
    worker.unref()
    this.worker = worker
    this.db.exec('PRAGMA wal_autocheckpoint = 0')
    worker.on('message', (message: { error?: string }) => {
      if (message.error) this.events.onError(`background checkpoint failed: ${message.error}`)
    })
    const fallBack = (why: string) => {
      if (this.worker !== worker) return
      this.worker = undefined
      this.restoreAutocheckpoint()
      this.events.onError(`background checkpoints stopped (${why}); checkpointing on commit again`)
    }
    worker.on('error', (error) => fallBack(error.message))
    worker.on('exit', (code) => fallBack(`exit code ${code}`))
  }

  /** Stops the thread (it finishes its current pass) and gives checkpoints back to the connection. */
  async stop(): Promise<void> {
    const worker = this.worker
    if (!worker) return
    this.worker = undefined
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
    // Unref'd while it runs; held now, or a shutdown awaiting this would find the loop empty and exit early.
    worker.ref()
    worker.postMessage('stop')
    await exited
    this.restoreAutocheckpoint()
  }

  private restoreAutocheckpoint(): void {
    try {
      if (this.db.isOpen) this.db.exec(`PRAGMA wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`)
    } catch {
      // The store is closing; its last connection checkpoints on close.
    }
  }
}
