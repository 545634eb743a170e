import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { migrate } from './migrate'
import { migrations } from './migrations'

export const DATABASE_FILE = 'switchboard.db'

/**
 * Opens (creating if needed) the one SQLite file of a data dir: WAL so readers never block the
 * webhook writer, synchronous=FULL so a committed webhook survives power loss, foreign keys on.
 */
/**
 * How long a write waits for another process's lock. node:sqlite waits synchronously, freezing the
 * event loop meanwhile, so a long-running server keeps it short and answers 503 instead (Meta
 * redelivers); short-lived CLI commands can afford to wait longer.
 */
export const DEFAULT_BUSY_TIMEOUT_MS = 250

export function openDatabase(dataDir: string, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS): DatabaseSync {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const file = join(dataDir, DATABASE_FILE)
  ownerOnly(file)
  const db = new DatabaseSync(file)
  try {
    db.exec('PRAGMA journal_mode = WAL')
    db.exec('PRAGMA synchronous = FULL')
    db.exec('PRAGMA foreign_keys = ON')
    db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`)
    migrate(db, migrations)
  } catch (error) {
    db.close()
    throw error
  }
  return db
}

/**
 * The database holds every customer's messages: 0600, not whatever the umask gives (SQLite creates
 * its -wal and -shm files with the database's own mode). Existing files are repaired.
 */
function ownerOnly(file: string): void {
  if (process.platform === 'win32') return
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600))
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600)
}

/** Runs `fn` in one IMMEDIATE transaction (takes the write lock up front: no upgrade deadlocks). */
export function transaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE')
  try {
    const result = fn()
    db.exec('COMMIT')
    return result
  } catch (error) {
    try {
      db.exec('ROLLBACK')
    } catch {
      // SQLite already rolled back (e.g. SQLITE_FULL aborts the transaction itself).
    }
    throw error
  }
}
