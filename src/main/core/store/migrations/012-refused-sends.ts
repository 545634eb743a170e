import type { Migration } from './migration'

/**
 * Sends Graph refused at once (an error answer, no wamid), which leave no message behind: when,
 * what kind (`step`: the message itself, or the upload of the file a media message was to carry;
 * `type`: Meta's message type, `template`: its name), and Graph's error (code, subcode, a short
 * title, the details). Never the token or the recipient. Kept like messages: nothing prunes them.
 */
export const refusedSends: Migration = {
  version: 12,
  name: 'refused-sends',
  up: `
    CREATE TABLE refused_sends (
      id INTEGER PRIMARY KEY,
      profile_id TEXT NOT NULL,
      at INTEGER NOT NULL,
      step TEXT NOT NULL CHECK (step IN ('message', 'upload')),
      type TEXT NOT NULL,
      template TEXT,
      http_status INTEGER NOT NULL,
      code INTEGER,
      subcode INTEGER,
      title TEXT,
      details TEXT,
      fbtrace_id TEXT
    ) STRICT;
    CREATE INDEX refused_sends_by_time ON refused_sends (profile_id, at, code);
  `,
}
