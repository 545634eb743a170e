import type { Migration } from './migration'

/** Profiles (non-secret settings only; secrets live in the OS keychain), app settings, .env sync targets. */
export const profiles: Migration = {
  version: 1,
  name: 'profiles',
  up: `
    CREATE TABLE profiles (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      kind TEXT NOT NULL DEFAULT 'meta' CHECK (kind IN ('meta', 'sandbox')),
      phone_number_id TEXT,
      waba_id TEXT,
      system_user_id TEXT,
      graph_version TEXT NOT NULL,
      appsecret_proof INTEGER NOT NULL DEFAULT 0 CHECK (appsecret_proof IN (0, 1)),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE env_sync_targets (
      profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
      path TEXT NOT NULL,
      variable TEXT NOT NULL,
      added_at INTEGER NOT NULL,
      PRIMARY KEY (profile_id, path)
    ) STRICT;
  `,
}
