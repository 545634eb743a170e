import type { Migration } from './migration'

/**
 * Media that messages carry, one row per profile and Meta media id. The bytes live in the data
 * dir's `media/` folder, named by their SHA-256 (`content`), so a file two messages share is kept
 * once. `auto_checked`: whether the auto-download rule has looked at it (it looks once).
 */
export const media: Migration = {
  version: 10,
  name: 'media',
  up: `
    CREATE TABLE media (
      profile_id TEXT NOT NULL,
      media_id TEXT NOT NULL,
      wamid TEXT,
      kind TEXT NOT NULL CHECK (kind IN ('image', 'video', 'audio', 'document', 'sticker')),
      mime_type TEXT,
      sha256 TEXT,
      filename TEXT,
      size INTEGER,
      state TEXT NOT NULL DEFAULT 'remote' CHECK (state IN ('remote', 'stored', 'failed', 'gone')),
      error TEXT,
      content TEXT,
      received_at INTEGER NOT NULL,
      stored_at INTEGER,
      viewed_at INTEGER,
      auto_checked INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (profile_id, media_id)
    );
    CREATE INDEX media_by_content ON media (content) WHERE content IS NOT NULL;
    CREATE INDEX media_unchecked ON media (profile_id, received_at) WHERE auto_checked = 0;
  `,
}
