import type { DatabaseSync } from 'node:sqlite'

/** One schema step. `up` runs inside a transaction together with the `user_version` bump. */
export interface Migration {
  version: number
  name: string
  up: string | ((db: DatabaseSync) => void)
}
