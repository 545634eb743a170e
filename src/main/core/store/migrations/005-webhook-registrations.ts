import type { Migration } from './migration'

/**
 * Callbacks Switchboard set at Meta (a number's or WABA's override, the app's callback) with what
 * was there before, so they can be put back on Stop, on quit, or on the next start after a crash.
 * The owner is the process that set them: only a dead owner's records are recovered by another.
 */
export const webhookRegistrations: Migration = {
  version: 5,
  name: 'webhook-registrations',
  up: `
    CREATE TABLE webhook_registrations (
      id INTEGER PRIMARY KEY,
      profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
      mode TEXT NOT NULL CHECK (mode IN ('phone_number', 'waba', 'app')),
      target_id TEXT NOT NULL,
      callback_url TEXT NOT NULL,
      previous_url TEXT,
      previous_fields TEXT,
      owner_pid INTEGER NOT NULL,
      owner_id TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      UNIQUE (profile_id, mode, target_id)
    ) STRICT;
  `,
}
