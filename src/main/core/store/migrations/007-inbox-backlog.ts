import type { Migration } from './migration'

/**
 * Under a burst the listener acknowledges a delivery once its raw request is committed and files
 * its messages and statuses into the inbox afterwards. `inbox_pending` marks the requests not yet
 * filed, so a restart finishes the job; retention never prunes them.
 */
export const inboxBacklog: Migration = {
  version: 7,
  name: 'inbox-backlog',
  up: `
    ALTER TABLE webhook_requests ADD COLUMN inbox_pending INTEGER NOT NULL DEFAULT 0 CHECK (inbox_pending IN (0, 1));
    CREATE INDEX webhook_requests_inbox_pending ON webhook_requests (id) WHERE inbox_pending = 1;
  `,
}
