import { closeSync, fsync, openSync } from 'node:fs'
import type { DatabaseSync } from 'node:sqlite'
import { transaction } from './database'

/**
 * Commits whose fsync runs off the event loop. With synchronous=FULL, SQLite fsyncs the WAL inside
 * COMMIT, and node:sqlite holds the event loop for the whole wait (about a third of the webhook
 * listener's time under load). Here the transaction commits with synchronous=NORMAL (frames
 * written, not synced) and the WAL is then fsynced on libuv's thread pool: `durable` settles when
 * everything committed so far is on disk, which is exactly what FULL would have waited for.
 * Without a WAL file to sync (not created yet) it falls back to a FULL commit.
 */
export class WalSync {
  private fd: number | undefined

  constructor(
    private readonly db: DatabaseSync,
    private readonly walFile: string,
  ) {}

  /** Runs `fn` in one transaction; `durable` resolves once its commit is on disk, rejects if the sync fails. */
  transaction<T>(fn: () => T): { result: T; durable: Promise<void> } {
    const fd = this.walFd()
    if (fd === undefined) return { result: transaction(this.db, fn), durable: Promise.resolve() }
    const result = this.unsynced(fn)
    return { result, durable: new Promise((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve()))) }
  }

  /**
   * A transaction that need not survive power loss by itself (work that is redone if lost, like
   * filing the inbox backlog): committed unsynced; the next synced commit carries it to disk.
   */
  unsynced<T>(fn: () => T): T {
    this.db.exec('PRAGMA synchronous = NORMAL')
    try {
      return transaction(this.db, fn)
    } finally {
      this.db.exec('PRAGMA synchronous = FULL')
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }

  private walFd(): number | undefined {
    if (this.fd === undefined) {
      try {
        // r+: Windows needs write access to flush a file; nothing is ever written through it.
        this.fd = openSync(this.walFile, 'r+')
      } catch {
        return undefined
      }
    }
    return this.fd
  }
}
