import type { DatabaseSync, StatementSync } from 'node:sqlite'

export type MediaKindName = 'image' | 'video' | 'audio' | 'document' | 'sticker'
export type MediaState = 'remote' | 'stored' | 'failed' | 'gone'

/** What a message says of its media when it arrives. */
export interface AnnouncedMedia {
  id: string
  kind: MediaKindName
  mimeType: string | null
  /** As the webhook gave it (base64) or as Graph answers it (hex). */
  sha256: string | null
  filename: string | null
}

export interface MediaRow extends AnnouncedMedia {
  profileId: string
  wamid: string | null
  size: number | null
  state: MediaState
  error: string | null
  /** The stored file's SHA-256 in hex: its name in the data dir's `media/` folder. */
  content: string | null
  receivedAt: number
  storedAt: number | null
  viewedAt: number | null
}

/** A stored file, once however many media rows name it. */
export interface StoredContent {
  content: string
  size: number
  /** When it was last shown or stored: the least recent goes first when over budget. */
  lastUsed: number
}

interface RawMedia {
  profile_id: string
  media_id: string
  wamid: string | null
  kind: MediaKindName
  mime_type: string | null
  sha256: string | null
  filename: string | null
  size: number | null
  state: MediaState
  error: string | null
  content: string | null
  received_at: number
  stored_at: number | null
  viewed_at: number | null
}

const fromRaw = (row: RawMedia): MediaRow => ({
  profileId: row.profile_id,
  id: row.media_id,
  wamid: row.wamid,
  kind: row.kind,
  mimeType: row.mime_type,
  sha256: row.sha256,
  filename: row.filename,
  size: row.size,
  state: row.state,
  error: row.error,
  content: row.content,
  receivedAt: row.received_at,
  storedAt: row.stored_at,
  viewedAt: row.viewed_at,
})

export type MediaUpdate = Partial<Pick<MediaRow, 'state' | 'error' | 'size' | 'mimeType' | 'sha256' | 'content' | 'storedAt'>>

const updateColumns: Record<keyof MediaUpdate, string> = {
  state: 'state',
  error: 'error',
  size: 'size',
  mimeType: 'mime_type',
  sha256: 'sha256',
  content: 'content',
  storedAt: 'stored_at',
}

/** The media messages carry, and which of them are on disk. */
export class MediaTable {
  private readonly insert: StatementSync
  private readonly select: StatementSync
  private readonly selectUnchecked: StatementSync
  private readonly check: StatementSync
  private readonly view: StatementSync
  private readonly contents: StatementSync
  private readonly release: StatementSync
  private readonly named: StatementSync

  constructor(private readonly db: DatabaseSync) {
    this.insert = db.prepare(
      `INSERT INTO media (profile_id, media_id, wamid, kind, mime_type, sha256, filename, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (profile_id, media_id) DO NOTHING`,
    )
    this.select = db.prepare('SELECT * FROM media WHERE profile_id = ? AND media_id = ?')
    this.selectUnchecked = db.prepare('SELECT * FROM media WHERE profile_id = ? AND auto_checked = 0 ORDER BY received_at LIMIT ?')
    this.check = db.prepare('UPDATE media SET auto_checked = 1 WHERE profile_id = ? AND media_id = ?')
    this.view = db.prepare('UPDATE media SET viewed_at = ? WHERE profile_id = ? AND media_id = ?')
    this.contents = db.prepare(
      `SELECT content, MAX(size) AS size, MAX(COALESCE(viewed_at, stored_at, 0)) AS last_used FROM media
       WHERE content IS NOT NULL GROUP BY content ORDER BY last_used, content`,
    )
    this.release = db.prepare("UPDATE media SET state = 'remote', content = NULL, stored_at = NULL WHERE content = ? RETURNING profile_id, media_id")
    this.named = db.prepare('SELECT COUNT(*) AS n FROM media WHERE content = ?')
  }

  /** Notes media a message carries (in the filing transaction); a redelivery changes nothing. */
  remember(profileId: string, wamid: string | null, media: AnnouncedMedia, receivedAt: number): void {
    this.insert.run(profileId, media.id, wamid, media.kind, media.mimeType, media.sha256, media.filename, receivedAt)
  }

  get(profileId: string, mediaId: string): MediaRow | undefined {
    const row = this.select.get(profileId, mediaId) as RawMedia | undefined
    return row ? fromRaw(row) : undefined
  }

  /** Media the auto-download rule has not looked at yet, oldest first. */
  unchecked(profileId: string, limit: number): MediaRow[] {
    return (this.selectUnchecked.all(profileId, limit) as unknown as RawMedia[]).map(fromRaw)
  }

  markChecked(profileId: string, mediaId: string): void {
    this.check.run(profileId, mediaId)
  }

  update(profileId: string, mediaId: string, update: MediaUpdate): void {
    const entries = Object.entries(update) as [keyof MediaUpdate, unknown][]
    if (entries.length === 0) return
    const assignments = entries.map(([key]) => `${updateColumns[key]} = ?`).join(', ')
    this.db.prepare(`UPDATE media SET ${assignments} WHERE profile_id = ? AND media_id = ?`).run(...(entries.map(([, value]) => value) as (string | number | null)[]), profileId, mediaId)
  }

  viewed(profileId: string, mediaId: string, at: number): void {
    this.view.run(at, profileId, mediaId)
  }

  /** Every stored file, least recently used first. */
  stored(): StoredContent[] {
    return (this.contents.all() as { content: string; size: number | null; last_used: number }[]).map((row) => ({
      content: row.content,
      size: row.size ?? 0,
      lastUsed: row.last_used,
    }))
  }

  /** The file is gone from disk: its media can be fetched from Meta again while Meta keeps them. */
  releaseContent(content: string): { profileId: string; mediaId: string }[] {
    return (this.release.all(content) as { profile_id: string; media_id: string }[]).map((row) => ({ profileId: row.profile_id, mediaId: row.media_id }))
  }

  isNamed(content: string): boolean {
    return (this.named.get(content) as { n: number }).n > 0
  }
}
