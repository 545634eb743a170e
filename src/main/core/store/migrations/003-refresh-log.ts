import type { Migration } from './migration'

/** Every token refresh or recovery attempt with its outcome. Tokens themselves never appear here. */
export const refreshLog: Migration = {
  version: 3,
  name: 'refresh-log',
  up: `
    CREATE TABLE refresh_log (
      id INTEGER PRIMARY KEY,
      profile_id TEXT NOT NULL,
      at INTEGER NOT NULL,
      trigger TEXT NOT NULL CHECK (trigger IN ('manual', 'scheduled', 'on_190', 'startup', 'cli')),
      strategy TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'skipped')),
      old_expires_at INTEGER,
      new_expires_at INTEGER,
      error_code INTEGER,
      error_subcode INTEGER,
      error_message TEXT,
      fbtrace_id TEXT,
      duration_ms INTEGER NOT NULL,
      note TEXT
    ) STRICT;
    CREATE INDEX refresh_log_by_profile ON refresh_log (profile_id, id DESC);
  `,
}
