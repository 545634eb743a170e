import type { Migration } from './migration'

/**
 * Pruning old raw requests sets `request_id` to NULL in the rows that point at them; without an
 * index each deleted request scanned every message (about 0.3 s each at a million messages, which
 * made the first prune after a long pause block start-up for many minutes).
 */
export const requestIndexes: Migration = {
  version: 6,
  name: 'request-indexes',
  up: `
    CREATE INDEX messages_by_request ON messages (request_id) WHERE request_id IS NOT NULL;
    CREATE INDEX statuses_by_request ON statuses (request_id) WHERE request_id IS NOT NULL;
    CREATE INDEX webhook_events_by_request ON webhook_events (request_id) WHERE request_id IS NOT NULL;
  `,
}
