import type { DatabaseSync } from 'node:sqlite'
import { openDatabase, transaction } from './database'
import { EnvTargetsTable } from './env-targets-table'
import { ProfilesTable } from './profiles-table'
import { SettingsTable } from './settings-table'

/** The data dir's SQLite file and the tables on it. Owned by the core; one per process. */
export class Store {
  readonly profiles: ProfilesTable
  readonly settings: SettingsTable
  readonly envTargets: EnvTargetsTable

  private constructor(readonly db: DatabaseSync) {
    this.profiles = new ProfilesTable(db)
    this.settings = new SettingsTable(db)
    this.envTargets = new EnvTargetsTable(db)
  }

  static open(dataDir: string): Store {
    return new Store(openDatabase(dataDir))
  }

  transaction<T>(fn: () => T): T {
    return transaction(this.db, fn)
  }

  close(): void {
    this.db.close()
  }
}
