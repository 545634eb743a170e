import type { Migration } from './migration'

/**
 * Forwarding accepted deliveries to the operator's own bot. A job per (target, delivery) is
 * written in the same transaction as the raw delivery, before Meta gets its 200, so a forward is
 * never lost; `forward_attempts` keeps every try for the inspector. A pending job keeps its raw
 * request from retention (see `pruneRequests`); a delivered or expired one goes with it.
 * `kind`: `live` (as Meta sent it), `replay` (the stored bytes again), `edited` (the operator's
 * JSON in `body`, signed anew).
 */
export const forwarding: Migration = {
  version: 11,
  name: 'forwarding',
  up: `
    CREATE TABLE forward_targets (
      id INTEGER PRIMARY KEY,
      profile_id TEXT NOT NULL,
      url TEXT NOT NULL,
      enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
      resign INTEGER NOT NULL DEFAULT 0 CHECK (resign IN (0, 1)),
      pass_verification INTEGER NOT NULL DEFAULT 0 CHECK (pass_verification IN (0, 1)),
      created_at INTEGER NOT NULL,
      paused_at INTEGER,
      UNIQUE (profile_id, url)
    ) STRICT;

    CREATE TABLE forward_jobs (
      id INTEGER PRIMARY KEY,
      target_id INTEGER NOT NULL REFERENCES forward_targets (id) ON DELETE CASCADE,
      request_id INTEGER NOT NULL REFERENCES webhook_requests (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('live', 'replay', 'edited')),
      body TEXT,
      state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'expired')),
      attempts INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      next_at INTEGER NOT NULL,
      done_at INTEGER,
      last_status INTEGER,
      last_error TEXT
    ) STRICT;
    CREATE INDEX forward_jobs_due ON forward_jobs (target_id, next_at) WHERE state = 'pending';
    CREATE INDEX forward_jobs_by_request ON forward_jobs (request_id);
    CREATE INDEX forward_jobs_by_target ON forward_jobs (target_id, state);
    CREATE INDEX forward_jobs_pending_age ON forward_jobs (created_at) WHERE state = 'pending';

    CREATE TABLE forward_attempts (
      job_id INTEGER NOT NULL REFERENCES forward_jobs (id) ON DELETE CASCADE,
      at INTEGER NOT NULL,
      status INTEGER,
      error TEXT,
      latency_ms INTEGER NOT NULL,
      answer TEXT
    ) STRICT;
    CREATE INDEX forward_attempts_by_job ON forward_attempts (job_id, at);
  `,
}
