import type { Migration } from './migration'

/** Unsent text per conversation, so a draft survives switching threads, windows and restarts. */
export const drafts: Migration = {
  version: 4,
  name: 'drafts',
  up: `
    CREATE TABLE drafts (
      profile_id TEXT NOT NULL,
      wa_id TEXT NOT NULL,
      text TEXT NOT NULL,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (profile_id, wa_id)
    ) STRICT, WITHOUT ROWID;
  `,
}
