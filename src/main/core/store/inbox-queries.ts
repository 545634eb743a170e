import type { DatabaseSync, StatementSync } from 'node:sqlite'
import type { RequestVerdict, SignatureState } from './webhook-capture'

export interface ContactRow {
  key: string
  name: string | null
  phone: string | null
  userId: string | null
  username: string | null
  marketing: 'stop' | 'resume' | null
  marketingAt: number | null
  unread: number
  lastInboundAt: number | null
  lastAt: number
}

export interface ConversationRow extends ContactRow {
  lastText: string | null
  lastType: string | null
  lastDirection: 'in' | 'out' | null
  lastStatus: string | null
}

export interface MessageRow {
  id: number
  wamid: string
  direction: 'in' | 'out'
  contact: string
  phoneNumberId: string | null
  type: string
  text: string | null
  payload: unknown
  contextWamid: string | null
  timestamp: number
  status: string | null
  statusAt: number | null
  errors: unknown
  requestId: number | null
  editedAt: number | null
  revisions: { text: string | null; at: number }[]
  revokedAt: number | null
  origin: 'business_app' | null
}

/** A message for export: with the customer's identifiers, whichever Meta shared. */
export interface ExportRow extends MessageRow {
  contactPhone: string | null
  contactUserId: string | null
  contactUsername: string | null
  /** The media the message carries, when Switchboard knows it: its id, state and stored file (SHA-256, hex). */
  media: { id: string; state: string; content: string | null } | null
}

export interface EventRow {
  id: number
  field: string
  summary: string | null
  receivedAt: number
  payload: unknown
}

export interface StatusRow {
  status: string
  timestamp: number
  errors: unknown
  pricing: unknown
  conversation: unknown
}

export interface SearchHit {
  message: MessageRow
  snippet: string
  contactName: string | null
}

export interface RequestSummaryRow {
  id: number
  receivedAt: number
  method: string
  path: string
  verdict: RequestVerdict
  status: number
  reason: string | null
  signature: SignatureState
  size: number
  eventCount: number
}

export interface RequestDetailRow extends RequestSummaryRow {
  remote: string | null
  headers: Record<string, string>
  body: string | null
}

export interface RawMessage {
  id: number
  wamid: string
  direction: 'in' | 'out'
  contact: string
  phone_number_id: string | null
  type: string
  text: string | null
  payload: string
  context_wamid: string | null
  timestamp: number
  status: string | null
  status_at: number | null
  errors: string | null
  request_id: number | null
  edited_at: number | null
  revisions: string | null
  revoked_at: number | null
  origin: 'business_app' | null
}

interface RawContact {
  contact: string
  name: string | null
  phone: string | null
  user_id: string | null
  username: string | null
  marketing: 'stop' | 'resume' | null
  marketing_at: number | null
  unread: number
  last_inbound_at: number | null
  last_message_at: number
}

interface RawConversation extends RawContact {
  last_text: string | null
  last_type: string | null
  last_direction: 'in' | 'out' | null
  last_status: string | null
}

const parse = (text: string | null): unknown => (text === null ? null : (JSON.parse(text) as unknown))

/** A `messages` row (`SELECT *`) as the rest of the core reads it. */
export function messageRow(raw: RawMessage): MessageRow {
  return {
    id: raw.id,
    wamid: raw.wamid,
    direction: raw.direction,
    contact: raw.contact,
    phoneNumberId: raw.phone_number_id,
    type: raw.type,
    text: raw.text,
    payload: parse(raw.payload),
    contextWamid: raw.context_wamid,
    timestamp: raw.timestamp,
    status: raw.status,
    statusAt: raw.status_at,
    errors: parse(raw.errors),
    requestId: raw.request_id,
    editedAt: raw.edited_at,
    revisions: (parse(raw.revisions) as MessageRow['revisions'] | null) ?? [],
    revokedAt: raw.revoked_at,
    origin: raw.origin,
  }
}

function contactRow(raw: RawContact): ContactRow {
  return {
    key: raw.contact,
    name: raw.name,
    phone: raw.phone,
    userId: raw.user_id,
    username: raw.username,
    marketing: raw.marketing,
    marketingAt: raw.marketing_at,
    unread: raw.unread,
    lastInboundAt: raw.last_inbound_at,
    lastAt: raw.last_message_at,
  }
}

function conversationRow(raw: RawConversation): ConversationRow {
  return { ...contactRow(raw), lastText: raw.last_text, lastType: raw.last_type, lastDirection: raw.last_direction, lastStatus: raw.last_status }
}

const contactColumns = 'contact, name, phone, user_id, username, marketing, marketing_at, unread, last_inbound_at, last_message_at'

const requestColumns = 'id, received_at, method, path, verdict, status, reason, signature, size, event_count'

interface RawRequest {
  id: number
  received_at: number
  method: string
  path: string
  verdict: RequestVerdict
  status: number
  reason: string | null
  signature: SignatureState
  size: number
  event_count: number
  remote?: string | null
  headers?: string
  body?: string | null
}

function requestSummary(raw: RawRequest): RequestSummaryRow {
  return {
    id: raw.id,
    receivedAt: raw.received_at,
    method: raw.method,
    path: raw.path,
    verdict: raw.verdict,
    status: raw.status,
    reason: raw.reason,
    signature: raw.signature,
    size: raw.size,
    eventCount: raw.event_count,
  }
}

/** Turns what a person types into an FTS5 query: every word must match, as a prefix. */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}_]+/gu)
  if (!words || words.length === 0) return null
  return words.map((word) => `"${word}"*`).join(' ')
}

/**
 * The inbox's read side: keyset-paged so the 100,000th message costs what the first does.
 */
export class InboxQueries {
  private readonly conversationsFirst: StatementSync
  private readonly conversationsAfter: StatementSync
  private readonly threadFirst: StatementSync
  private readonly threadBefore: StatementSync
  private readonly searchStatement: StatementSync
  private readonly statusesOf: StatementSync
  private readonly byWamid: StatementSync
  private readonly contactOf: StatementSync
  private readonly matching: StatementSync
  private readonly aliasOf: StatementSync
  private readonly exportFirst: StatementSync
  private readonly exportAfter: StatementSync

  constructor(private readonly db: DatabaseSync) {
    const conversationSelect = `
      SELECT ${contactColumns.split(', ').map((column) => `c.${column}`).join(', ')},
             m.text AS last_text, m.type AS last_type, m.direction AS last_direction, m.status AS last_status
      FROM contacts c LEFT JOIN messages m ON m.id = c.last_message_id
      WHERE c.profile_id = ? AND c.last_message_id IS NOT NULL`
    this.conversationsFirst = db.prepare(`${conversationSelect} ORDER BY c.last_message_at DESC, c.contact DESC LIMIT ?`)
    this.conversationsAfter = db.prepare(
      // The plain range bound lets SQLite seek to the cursor; the OR alone made every page scan from the top.
      `${conversationSelect} AND c.last_message_at <= ? AND (c.last_message_at < ? OR c.contact < ?) ORDER BY c.last_message_at DESC, c.contact DESC LIMIT ?`,
    )
    this.matching = db.prepare(
      `${conversationSelect} AND (c.name LIKE ?2 ESCAPE '\\' OR c.phone LIKE ?2 ESCAPE '\\' OR c.username LIKE ?2 ESCAPE '\\' OR c.user_id LIKE ?2 ESCAPE '\\')
       ORDER BY c.last_message_at DESC LIMIT ?3`,
    )
    // Edits and deletions (`target_wamid`) change the message they point at; they are not messages of the thread themselves.
    this.threadFirst = db.prepare(`SELECT * FROM messages WHERE profile_id = ? AND contact = ? AND target_wamid IS NULL ORDER BY timestamp DESC, id DESC LIMIT ?`)
    this.threadBefore = db.prepare(
      `SELECT * FROM messages WHERE profile_id = ? AND contact = ? AND target_wamid IS NULL AND timestamp <= ? AND (timestamp < ? OR id < ?) ORDER BY timestamp DESC, id DESC LIMIT ?`,
    )
    this.searchStatement = db.prepare(
      `SELECT m.*, snippet(messages_fts, 0, '\u0002', '\u0003', '…', 12) AS snippet, c.name AS contact_name
       FROM messages_fts CROSS JOIN messages m ON m.id = messages_fts.rowid
       LEFT JOIN contacts c ON c.profile_id = m.profile_id AND c.contact = m.contact
       WHERE messages_fts MATCH ? AND m.profile_id = ? AND m.target_wamid IS NULL
       ORDER BY messages_fts.rowid DESC LIMIT ? OFFSET ?`,
    )
    this.statusesOf = db.prepare('SELECT status, timestamp, errors, pricing, conversation FROM statuses WHERE wamid = ? ORDER BY timestamp, status')
    this.byWamid = db.prepare('SELECT * FROM messages WHERE wamid = ?')
    this.contactOf = db.prepare(`SELECT ${contactColumns} FROM contacts WHERE profile_id = ? AND contact = ?`)
    this.aliasOf = db.prepare('SELECT contact FROM contact_aliases WHERE profile_id = ? AND alias = ?')
    const exportSelect = `SELECT m.*, c.phone AS contact_phone, c.user_id AS contact_user_id, c.username AS contact_username,
         md.media_id AS media_id, md.state AS media_state, md.content AS media_content
       FROM messages m LEFT JOIN contacts c ON c.profile_id = m.profile_id AND c.contact = m.contact
       LEFT JOIN media md ON md.profile_id = m.profile_id AND md.media_id = json_extract(m.payload, '$.' || m.type || '.id')
       WHERE m.profile_id = ? AND m.target_wamid IS NULL`
    this.exportFirst = db.prepare(`${exportSelect} ORDER BY m.timestamp, m.id LIMIT ?`)
    this.exportAfter = db.prepare(`${exportSelect} AND m.timestamp >= ? AND (m.timestamp > ? OR m.id > ?) ORDER BY m.timestamp, m.id LIMIT ?`)
  }

  conversations(profileId: string, limit: number, after?: { lastAt: number; key: string }): ConversationRow[] {
    const rows = after ? this.conversationsAfter.all(profileId, after.lastAt, after.lastAt, after.key, limit) : this.conversationsFirst.all(profileId, limit)
    return (rows as unknown as RawConversation[]).map(conversationRow)
  }

  /** Conversations whose customer's name, phone number, username or BSUID contains the text. */
  conversationsMatching(profileId: string, text: string, limit: number): ConversationRow[] {
    const pattern = `%${text.trim().replace(/^[@+]/, '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    return (this.matching.all(profileId, pattern, limit) as unknown as RawConversation[]).map(conversationRow)
  }

  /** The conversation a phone number, BSUID or key belongs to. */
  contactKeyOf(profileId: string, identifier: string): string | null {
    return (this.aliasOf.get(profileId, identifier) as { contact: string } | undefined)?.contact ?? null
  }

  contact(profileId: string, key: string): ContactRow | undefined {
    const row = this.contactOf.get(profileId, key) as RawContact | undefined
    return row && contactRow(row)
  }

  thread(profileId: string, key: string, limit: number, before?: { timestamp: number; id: number }): MessageRow[] {
    const rows = before ? this.threadBefore.all(profileId, key, before.timestamp, before.timestamp, before.id, limit) : this.threadFirst.all(profileId, key, limit)
    return (rows as unknown as RawMessage[]).map(messageRow)
  }

  recent(profileId: string, limit: number): MessageRow[] {
    const rows = this.db.prepare('SELECT * FROM messages WHERE profile_id = ? AND target_wamid IS NULL ORDER BY timestamp DESC, id DESC LIMIT ?').all(profileId, limit)
    return (rows as unknown as RawMessage[]).map(messageRow)
  }

  messageByWamid(wamid: string): MessageRow | undefined {
    const raw = this.byWamid.get(wamid) as RawMessage | undefined
    return raw && messageRow(raw)
  }

  statuses(wamid: string): StatusRow[] {
    return (this.statusesOf.all(wamid) as unknown as { status: string; timestamp: number; errors: string | null; pricing: string | null; conversation: string | null }[]).map(
      (r) => ({ status: r.status, timestamp: r.timestamp, errors: parse(r.errors), pricing: parse(r.pricing), conversation: parse(r.conversation) }),
    )
  }

  /**
   * Newest stored first. CROSS JOIN makes SQLite start from the full-text index (it otherwise
   * walked every message by time and ran the MATCH per row: seconds at a million messages), and
   * the order is the index's own (arrival), not the message timestamp.
   */
  search(profileId: string, text: string, limit: number, offset: number): SearchHit[] {
    const query = ftsQuery(text)
    if (!query) return []
    const rows = this.searchStatement.all(query, profileId, limit, offset) as unknown as (RawMessage & { snippet: string; contact_name: string | null })[]
    return rows.map((r) => ({ message: messageRow(r), snippet: r.snippet, contactName: r.contact_name }))
  }

  markRead(profileId: string, key: string): void {
    this.db.prepare('UPDATE contacts SET unread = 0 WHERE profile_id = ? AND contact = ?').run(profileId, key)
  }

  /** Other webhook fields of these kinds, newest first. */
  events(profileId: string, fields: readonly string[], limit: number): EventRow[] {
    const rows = this.db
      .prepare(
        `SELECT id, field, summary, received_at, payload FROM webhook_events
         WHERE profile_id = ? AND field IN (${fields.map(() => '?').join(', ')}) ORDER BY received_at DESC, id DESC LIMIT ?`,
      )
      .all(profileId, ...fields, limit) as { id: number; field: string; summary: string | null; received_at: number; payload: string }[]
    return rows.map((r) => ({ id: r.id, field: r.field, summary: r.summary, receivedAt: r.received_at, payload: parse(r.payload) }))
  }

  requests(limit: number, options: { verdict?: string; beforeId?: number } = {}): RequestSummaryRow[] {
    const where: string[] = []
    const args: (string | number)[] = []
    if (options.verdict) {
      where.push('verdict = ?')
      args.push(options.verdict)
    }
    if (options.beforeId !== undefined) {
      where.push('id < ?')
      args.push(options.beforeId)
    }
    const sql = `SELECT ${requestColumns} FROM webhook_requests ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`
    return (this.db.prepare(sql).all(...args, limit) as unknown as RawRequest[]).map(requestSummary)
  }

  request(id: number): RequestDetailRow | undefined {
    const raw = this.db.prepare(`SELECT ${requestColumns}, remote, headers, body FROM webhook_requests WHERE id = ?`).get(id) as RawRequest | undefined
    if (!raw) return undefined
    return { ...requestSummary(raw), remote: raw.remote ?? null, headers: JSON.parse(raw.headers ?? '{}') as Record<string, string>, body: raw.body ?? null }
  }

  conversationCount(profileId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM contacts WHERE profile_id = ? AND last_message_id IS NOT NULL').get(profileId) as { n: number }).n
  }

  counts(profileId: string): { messages: number; conversations: number; requests: number } {
    const messages = (this.db.prepare('SELECT COUNT(*) AS n FROM messages WHERE profile_id = ?').get(profileId) as { n: number }).n
    const conversations = (this.db.prepare('SELECT COUNT(*) AS n FROM contacts WHERE profile_id = ? AND last_message_id IS NOT NULL').get(profileId) as { n: number }).n
    const requests = (this.db.prepare('SELECT COUNT(*) AS n FROM webhook_requests').get() as { n: number }).n
    return { messages, conversations, requests }
  }

  /** A page of a profile's messages, oldest first, for exports: keyset-paged so a million messages stream in constant memory. */
  exportPage(profileId: string, limit: number, after?: { timestamp: number; id: number }): ExportRow[] {
    const rows = after ? this.exportAfter.all(profileId, after.timestamp, after.timestamp, after.id, limit) : this.exportFirst.all(profileId, limit)
    type RawExport = RawMessage & {
      contact_phone: string | null
      contact_user_id: string | null
      contact_username: string | null
      media_id: string | null
      media_state: string | null
      media_content: string | null
    }
    return (rows as unknown as RawExport[]).map((row) => ({
      ...messageRow(row),
      contactPhone: row.contact_phone,
      contactUserId: row.contact_user_id,
      contactUsername: row.contact_username,
      media: row.media_id ? { id: row.media_id, state: row.media_state ?? 'remote', content: row.media_content } : null,
    }))
  }

  /** Every message of a profile, oldest first, page by page. */
  *allMessages(profileId: string, pageSize = 1000): Generator<ExportRow> {
    let after: { timestamp: number; id: number } | undefined
    for (;;) {
      const page = this.exportPage(profileId, pageSize, after)
      yield* page
      const last = page[page.length - 1]
      if (!last || page.length < pageSize) return
      after = { timestamp: last.timestamp, id: last.id }
    }
  }

  /**
   * Keeps the refused requests (rejected, failed verifications) within a quota: at most `maxCount`
   * rows and `maxBytes` of stored bodies, the newest kept. Anyone who finds the tunnel URL can send
   * them; none of them is a delivery. Returns how many went.
   */
  pruneRefused(maxCount: number, maxBytes: number): number {
    const cutoff = this.db
      .prepare(
        `SELECT id FROM (
           SELECT id, ROW_NUMBER() OVER (ORDER BY id DESC) AS n, SUM(COALESCE(LENGTH(body), 0)) OVER (ORDER BY id DESC) AS bytes
           FROM webhook_requests WHERE verdict IN ('rejected', 'verify_failed')
         ) WHERE n > ? OR bytes > ? ORDER BY id DESC LIMIT 1`,
      )
      .get(maxCount, maxBytes) as { id: number } | undefined
    if (!cutoff) return 0
    return Number(this.db.prepare(`DELETE FROM webhook_requests WHERE verdict IN ('rejected', 'verify_failed') AND id <= ?`).run(cutoff.id).changes)
  }

  /**
   * Deletes raw requests older than the cutoff, never one still waiting to be filed into the inbox
   * or forwarded; their messages stay, their finished forwards go with them. Returns how many went.
   */
  pruneRequests(before: number): number {
    return Number(
      this.db
        .prepare(
          `DELETE FROM webhook_requests WHERE received_at < ? AND inbox_pending = 0
             AND NOT EXISTS (SELECT 1 FROM forward_jobs WHERE forward_jobs.request_id = webhook_requests.id AND state = 'pending')`,
        )
        .run(before).changes,
    )
  }
}
