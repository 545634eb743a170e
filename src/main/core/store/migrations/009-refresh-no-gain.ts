import type { Migration } from './migration'

/**
 * A refresh that returns a token expiring no later than the old one gained nothing (re-exchanging
 * a long-lived user token does exactly that): it is logged as `no_gain`, neither a success nor a
 * failure. SQLite cannot change a CHECK constraint, so the table is rebuilt with its rows.
 */
export const refreshNoGain: Migration = {
  version: 9,
  name: 'refresh-no-gain',
  up: `
    CREATE TABLE refresh_log_next (
      id INTEGER PRIMARY KEY,
      profile_id TEXT NOT NULL,
      at INTEGER NOT NULL,
      trigger TEXT NOT NULL CHECK (trigger IN ('manual', 'scheduled', 'on_190', 'startup', 'cli')),
      strategy TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'skipped', 'no_gain')),
      old_expires_at INTEGER,
      new_expires_at INTEGER,
      error_code INTEGER,
      error_subcode INTEGER,
      error_message TEXT,
      fbtrace_id TEXT,
      duration_ms INTEGER NOT NULL,
      note TEXT
    ) STRICT;
    INSERT INTO refresh_log_next SELECT * FROM refresh_log;
    DROP TABLE refresh_log;
    ALTER TABLE refresh_log_next RENAME TO refresh_log;
    CREATE INDEX refresh_log_by_profile ON refresh_log (profile_id, id DESC);
  `,
}
