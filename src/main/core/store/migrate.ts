import { SwitchboardError } from '@shared/contract'
import type { DatabaseSync } from 'node:sqlite'
import type { Migration } from './migrations'

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number }
  return row.user_version
}

/**
 * Brings the schema to the newest version, one migration per transaction so a failure leaves the
 * file at the last good version. A file from a newer Switchboard is refused rather than damaged.
 */
export function migrate(db: DatabaseSync, migrations: readonly Migration[], target = migrations.length): number {
  const current = schemaVersion(db)
  if (current > migrations.length) {
    throw new SwitchboardError({
      code: 'store_unavailable',
      message: `This data file has schema version ${current}, newer than this Switchboard understands (${migrations.length})`,
      fix: 'Update Switchboard, or start it with another data directory',
    })
  }
  for (const migration of migrations.slice(current, target)) {
    db.exec('BEGIN IMMEDIATE')
    try {
      if (typeof migration.up === 'string') db.exec(migration.up)
      else migration.up(db)
      db.exec(`PRAGMA user_version = ${migration.version}`)
      db.exec('COMMIT')
    } catch (error) {
      db.exec('ROLLBACK')
      throw new Error(`Migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`, { cause: error })
    }
  }
  return schemaVersion(db)
}
