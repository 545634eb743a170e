import type { DatabaseSync } from 'node:sqlite'

/** A .env file that receives the profile's refreshed access token (only the token's line changes). */
export interface EnvSyncTarget {
  profileId: string
  path: string
  variable: string
  addedAt: number
}

export class EnvTargetsTable {
  constructor(private readonly db: DatabaseSync) {}

  list(profileId: string): EnvSyncTarget[] {
    const rows = this.db
      .prepare('SELECT profile_id, path, variable, added_at FROM env_sync_targets WHERE profile_id = ? ORDER BY added_at')
      .all(profileId) as unknown as { profile_id: string; path: string; variable: string; added_at: number }[]
    return rows.map((r) => ({ profileId: r.profile_id, path: r.path, variable: r.variable, addedAt: r.added_at }))
  }

  upsert(target: EnvSyncTarget): void {
    this.db
      .prepare(
        `INSERT INTO env_sync_targets (profile_id, path, variable, added_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (profile_id, path) DO UPDATE SET variable = excluded.variable`,
      )
      .run(target.profileId, target.path, target.variable, target.addedAt)
  }

  remove(profileId: string, path: string): void {
    this.db.prepare('DELETE FROM env_sync_targets WHERE profile_id = ? AND path = ?').run(profileId, path)
  }
}
