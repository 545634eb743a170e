import type { Migration } from './migration'

/**
 * Webhook capture: every request as received (with its verdict), the messages and statuses it
 * carried (idempotent by wamid and by (wamid, status, timestamp)), contacts with their last
 * inbound time (the 24-hour window), other webhook fields as events, and full-text search.
 * `profile_id` is '' for deliveries that arrived while no profile was active.
 */
export const webhooks: Migration = {
  version: 2,
  name: 'webhooks',
  up: `
    CREATE TABLE webhook_requests (
      id INTEGER PRIMARY KEY,
      received_at INTEGER NOT NULL,
      method TEXT NOT NULL,
      path TEXT NOT NULL,
      remote TEXT,
      headers TEXT NOT NULL,
      body TEXT,
      size INTEGER NOT NULL,
      verdict TEXT NOT NULL CHECK (verdict IN ('accepted', 'rejected', 'verified', 'verify_failed')),
      status INTEGER NOT NULL,
      reason TEXT,
      signature TEXT NOT NULL CHECK (signature IN ('valid', 'invalid', 'missing', 'not_checked')),
      profile_id TEXT,
      event_count INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX webhook_requests_by_time ON webhook_requests (received_at DESC, id DESC);
    CREATE INDEX webhook_requests_by_verdict ON webhook_requests (verdict, received_at DESC);

    CREATE TABLE contacts (
      profile_id TEXT NOT NULL,
      wa_id TEXT NOT NULL,
      name TEXT,
      last_inbound_at INTEGER,
      last_message_at INTEGER NOT NULL,
      last_message_id INTEGER,
      unread INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (profile_id, wa_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX contacts_by_recency ON contacts (profile_id, last_message_at DESC);

    CREATE TABLE messages (
      id INTEGER PRIMARY KEY,
      wamid TEXT NOT NULL UNIQUE,
      profile_id TEXT NOT NULL DEFAULT '',
      direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
      contact TEXT NOT NULL,
      phone_number_id TEXT,
      type TEXT NOT NULL,
      text TEXT,
      payload TEXT NOT NULL,
      context_wamid TEXT,
      timestamp INTEGER NOT NULL,
      status TEXT,
      status_rank INTEGER NOT NULL DEFAULT 0,
      status_at INTEGER,
      errors TEXT,
      request_id INTEGER REFERENCES webhook_requests (id) ON DELETE SET NULL
    ) STRICT;
    CREATE INDEX messages_by_thread ON messages (profile_id, contact, timestamp DESC, id DESC);
    CREATE INDEX messages_by_time ON messages (profile_id, timestamp DESC, id DESC);
    CREATE INDEX messages_by_context ON messages (context_wamid) WHERE context_wamid IS NOT NULL;

    CREATE TABLE statuses (
      wamid TEXT NOT NULL,
      status TEXT NOT NULL,
      timestamp INTEGER NOT NULL,
      recipient TEXT,
      errors TEXT,
      conversation TEXT,
      pricing TEXT,
      payload TEXT NOT NULL,
      request_id INTEGER REFERENCES webhook_requests (id) ON DELETE SET NULL,
      PRIMARY KEY (wamid, status, timestamp)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE webhook_events (
      id INTEGER PRIMARY KEY,
      dedupe_key TEXT NOT NULL UNIQUE,
      profile_id TEXT NOT NULL DEFAULT '',
      field TEXT NOT NULL,
      received_at INTEGER NOT NULL,
      summary TEXT,
      payload TEXT NOT NULL,
      request_id INTEGER REFERENCES webhook_requests (id) ON DELETE SET NULL
    ) STRICT;
    CREATE INDEX webhook_events_by_time ON webhook_events (received_at DESC);

    CREATE VIRTUAL TABLE messages_fts USING fts5 (text, content = 'messages', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
    CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.text IS NOT NULL BEGIN
      INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN old.text IS NOT NULL BEGIN
      INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN
      INSERT INTO messages_fts (messages_fts, rowid, text) SELECT 'delete', old.id, old.text WHERE old.text IS NOT NULL;
      INSERT INTO messages_fts (rowid, text) SELECT new.id, new.text WHERE new.text IS NOT NULL;
    END;
  `,
}
