import type { DatabaseSync, StatementSync } from 'node:sqlite'
import type { RequestVerdict, SignatureState } from './webhook-capture'

export interface ConversationRow {
  waId: string
  name: string | null
  unread: number
  lastInboundAt: number | null
  lastAt: number
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

interface RawMessage {
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
}

const parse = (text: string | null): unknown => (text === null ? null : (JSON.parse(text) as unknown))

function message(raw: RawMessage): MessageRow {
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
  }
}

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

  constructor(private readonly db: DatabaseSync) {
    const conversationSelect = `
      SELECT c.wa_id, c.name, c.unread, c.last_inbound_at, c.last_message_at,
             m.text AS last_text, m.type AS last_type, m.direction AS last_direction, m.status AS last_status
      FROM contacts c LEFT JOIN messages m ON m.id = c.last_message_id
      WHERE c.profile_id = ? AND c.last_message_id IS NOT NULL`
    this.conversationsFirst = db.prepare(`${conversationSelect} ORDER BY c.last_message_at DESC, c.wa_id DESC LIMIT ?`)
    this.conversationsAfter = db.prepare(
      // The plain range bound lets SQLite seek to the cursor; the OR alone made every page scan from the top.
      `${conversationSelect} AND c.last_message_at <= ? AND (c.last_message_at < ? OR c.wa_id < ?) ORDER BY c.last_message_at DESC, c.wa_id DESC LIMIT ?`,
    )
    this.threadFirst = db.prepare(`SELECT * FROM messages WHERE profile_id = ? AND contact = ? ORDER BY timestamp DESC, id DESC LIMIT ?`)
    this.threadBefore = db.prepare(
      `SELECT * FROM messages WHERE profile_id = ? AND contact = ? AND timestamp <= ? AND (timestamp < ? OR id < ?) ORDER BY timestamp DESC, id DESC LIMIT ?`,
    )
    this.searchStatement = db.prepare(
      `SELECT m.*, snippet(messages_fts, 0, '\u0002', '\u0003', '…', 12) AS snippet, c.name AS contact_name
       FROM messages_fts CROSS JOIN messages m ON m.id = messages_fts.rowid
       LEFT JOIN contacts c ON c.profile_id = m.profile_id AND c.wa_id = m.contact
       WHERE messages_fts MATCH ? AND m.profile_id = ?
       ORDER BY messages_fts.rowid DESC LIMIT ? OFFSET ?`,
    )
    this.statusesOf = db.prepare('SELECT status, timestamp, errors, pricing, conversation FROM statuses WHERE wamid = ? ORDER BY timestamp, status')
    this.byWamid = db.prepare('SELECT * FROM messages WHERE wamid = ?')
    this.contactOf = db.prepare('SELECT wa_id, name, unread, last_inbound_at, last_message_at FROM contacts WHERE profile_id = ? AND wa_id = ?')
  }

  conversations(profileId: string, limit: number, after?: { lastAt: number; waId: string }): ConversationRow[] {
    const rows = (
      after
        ? this.conversationsAfter.all(profileId, after.lastAt, after.lastAt, after.waId, limit)
        : this.conversationsFirst.all(profileId, limit)
    ) as unknown as {
      wa_id: string
      name: string | null
      unread: number
      last_inbound_at: number | null
      last_message_at: number
      last_text: string | null
      last_type: string | null
      last_direction: 'in' | 'out' | null
      last_status: string | null
    }[]
    return rows.map((r) => ({
      waId: r.wa_id,
      name: r.name,
      unread: r.unread,
      lastInboundAt: r.last_inbound_at,
      lastAt: r.last_message_at,
      lastText: r.last_text,
      lastType: r.last_type,
      lastDirection: r.last_direction,
      lastStatus: r.last_status,
    }))
  }

  contact(profileId: string, waId: string) {
    const row = this.contactOf.get(profileId, waId) as
      | { wa_id: string; name: string | null; unread: number; last_inbound_at: number | null; last_message_at: number }
      | undefined
    return row && { waId: row.wa_id, name: row.name, unread: row.unread, lastInboundAt: row.last_inbound_at, lastAt: row.last_message_at }
  }

  thread(profileId: string, waId: string, limit: number, before?: { timestamp: number; id: number }): MessageRow[] {
    const rows = before
      ? this.threadBefore.all(profileId, waId, before.timestamp, before.timestamp, before.id, limit)
      : this.threadFirst.all(profileId, waId, limit)
    return (rows as unknown as RawMessage[]).map(message)
  }

  recent(profileId: string, limit: number): MessageRow[] {
    const rows = this.db.prepare('SELECT * FROM messages WHERE profile_id = ? ORDER BY timestamp DESC, id DESC LIMIT ?').all(profileId, limit)
    return (rows as unknown as RawMessage[]).map(message)
  }

  messageByWamid(wamid: string): MessageRow | undefined {
    const raw = this.byWamid.get(wamid) as RawMessage | undefined
    return raw && message(raw)
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
    return rows.map((r) => ({ message: message(r), snippet: r.snippet, contactName: r.contact_name }))
  }

  markRead(profileId: string, waId: string): void {
    this.db.prepare('UPDATE contacts SET unread = 0 WHERE profile_id = ? AND wa_id = ?').run(profileId, waId)
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

  /** Every message of a profile, oldest first, for exports; iterates without loading all rows. */
  *allMessages(profileId: string): Generator<MessageRow> {
    for (const raw of this.db.prepare('SELECT * FROM messages WHERE profile_id = ? ORDER BY timestamp, id').iterate(profileId)) {
      yield message(raw as unknown as RawMessage)
    }
  }

  /** Deletes raw requests older than the cutoff (never one still waiting to be filed); their messages stay. Returns how many went. */
  pruneRequests(before: number): number {
    return Number(this.db.prepare('DELETE FROM webhook_requests WHERE received_at < ? AND inbox_pending = 0').run(before).changes)
  }
}
