import type { DatabaseSync, StatementSync } from 'node:sqlite'

/** The storage shapes of what a webhook delivery carries; the webhook parser produces them. */
export interface InboundMessage {
  wamid: string
  from: string
  phoneNumberId: string | null
  type: string
  text: string | null
  timestamp: number
  contextWamid: string | null
  errors: unknown[] | null
  raw: Record<string, unknown>
}

export interface StatusUpdate {
  wamid: string
  status: string
  rank: number
  timestamp: number
  recipient: string | null
  phoneNumberId: string | null
  errors: unknown[] | null
  conversation: unknown
  pricing: unknown
  raw: Record<string, unknown>
}

export interface ContactName {
  waId: string
  name: string | null
}

export interface OtherEvent {
  field: string
  summary: string | null
  dedupeKey: string
  raw: unknown
}

export interface ParsedDelivery {
  messages: InboundMessage[]
  statuses: StatusUpdate[]
  contacts: ContactName[]
  events: OtherEvent[]
}

export type RequestVerdict = 'accepted' | 'rejected' | 'verified' | 'verify_failed'
export type SignatureState = 'valid' | 'invalid' | 'missing' | 'not_checked'

export interface CapturedRequest {
  receivedAt: number
  method: string
  path: string
  remote: string | null
  headers: Record<string, string>
  body: string | null
  size: number
  verdict: RequestVerdict
  status: number
  reason: string | null
  signature: SignatureState
  profileId: string | null
  delivery?: ParsedDelivery
}

/** What filing a delivery changed in the inbox. */
export interface InboxChange {
  /** Messages stored for the first time (redeliveries are not counted). */
  newMessages: number
  newStatuses: number
  newEvents: number
  /** Conversations whose list entry changed. */
  contacts: string[]
}

export interface CaptureResult extends InboxChange {
  requestId: number
}

/** A committed request whose events are not yet in the inbox (see migration 7). */
export interface PendingRequest {
  id: number
  receivedAt: number
  profileId: string | null
  body: string
}

const noChange = (): InboxChange => ({ newMessages: 0, newStatuses: 0, newEvents: 0, contacts: [] })

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value))

/**
 * Writes captured requests and files their events into the inbox. Filing is idempotent: a message is one row per wamid, a status
 * one row per (wamid, status, timestamp), an event one row per content hash; redeliveries change
 * nothing. The caller owns the transaction (the listener groups many requests into one commit).
 */
export class WebhookCapture {
  private readonly insertRequest: StatementSync
  private readonly insertMessage: StatementSync
  private readonly touchContactInbound: StatementSync
  private readonly touchContactOutbound: StatementSync
  private readonly nameContact: StatementSync
  private readonly insertStatus: StatementSync
  private readonly advanceStatus: StatementSync
  private readonly insertPlaceholder: StatementSync
  private readonly insertEvent: StatementSync
  private readonly selectPending: StatementSync
  private readonly clearPending: StatementSync
  private readonly countPending: StatementSync

  constructor(db: DatabaseSync) {
    this.insertRequest = db.prepare(
      `INSERT INTO webhook_requests (received_at, method, path, remote, headers, body, size, verdict, status, reason, signature, profile_id, event_count, inbox_pending)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.insertMessage = db.prepare(
      `INSERT INTO messages (wamid, profile_id, direction, contact, phone_number_id, type, text, payload, context_wamid, timestamp, errors, request_id)
       VALUES (?, ?, 'in', ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (wamid) DO NOTHING RETURNING id`,
    )
    this.touchContactInbound = db.prepare(
      `INSERT INTO contacts (profile_id, wa_id, last_inbound_at, last_message_at, last_message_id, unread) VALUES (?, ?, ?, ?, ?, 1)
       ON CONFLICT (profile_id, wa_id) DO UPDATE SET
         last_inbound_at = MAX(COALESCE(last_inbound_at, 0), excluded.last_inbound_at),
         last_message_id = CASE WHEN excluded.last_message_at >= last_message_at THEN excluded.last_message_id ELSE last_message_id END,
         last_message_at = MAX(last_message_at, excluded.last_message_at),
         unread = unread + 1`,
    )
    this.touchContactOutbound = db.prepare(
      `INSERT INTO contacts (profile_id, wa_id, last_message_at, last_message_id) VALUES (?, ?, ?, ?)
       ON CONFLICT (profile_id, wa_id) DO UPDATE SET
         last_message_id = CASE WHEN excluded.last_message_at >= last_message_at THEN excluded.last_message_id ELSE last_message_id END,
         last_message_at = MAX(last_message_at, excluded.last_message_at)`,
    )
    this.nameContact = db.prepare(
      `INSERT INTO contacts (profile_id, wa_id, name, last_message_at) VALUES (?, ?, ?, 0)
       ON CONFLICT (profile_id, wa_id) DO UPDATE SET name = COALESCE(excluded.name, name)`,
    )
    this.insertStatus = db.prepare(
      `INSERT INTO statuses (wamid, status, timestamp, recipient, errors, conversation, pricing, payload, request_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING wamid`,
    )
    this.advanceStatus = db.prepare(
      `UPDATE messages SET status = ?, status_rank = ?, status_at = ?, errors = COALESCE(?, errors)
       WHERE wamid = ? AND status_rank < ? RETURNING id`,
    )
    this.insertPlaceholder = db.prepare(
      `INSERT INTO messages (wamid, profile_id, direction, contact, phone_number_id, type, text, payload, timestamp, status, status_rank, status_at, errors, request_id)
       VALUES (?, ?, 'out', ?, ?, 'external', NULL, '{}', ?, ?, ?, ?, ?, ?) ON CONFLICT (wamid) DO NOTHING RETURNING id`,
    )
    this.insertEvent = db.prepare(
      `INSERT INTO webhook_events (dedupe_key, profile_id, field, received_at, summary, payload, request_id)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    )
    this.selectPending = db.prepare('SELECT id, received_at, profile_id, body FROM webhook_requests WHERE inbox_pending = 1 ORDER BY id LIMIT ?')
    this.clearPending = db.prepare('UPDATE webhook_requests SET inbox_pending = 0 WHERE id = ?')
    this.countPending = db.prepare('SELECT COUNT(*) AS n FROM webhook_requests WHERE inbox_pending = 1')
  }

  /** Records a request and files its events: both in the caller's transaction. */
  write(request: CapturedRequest): CaptureResult {
    const requestId = this.record(request, false)
    const change = request.delivery ? this.file(requestId, request.profileId, request.receivedAt, request.delivery) : noChange()
    return { requestId, ...change }
  }

  /**
   * Records the request only; with `pendingInbox` its events are left for the inbox backlog
   * (`pending`, `file`, `markFiled`), which re-reads them from the stored body.
   */
  record(request: CapturedRequest, pendingInbox: boolean): number {
    const delivery = request.delivery
    const eventCount = delivery ? delivery.messages.length + delivery.statuses.length + delivery.events.length : 0
    return Number(
      this.insertRequest.run(
        request.receivedAt,
        request.method,
        request.path,
        request.remote,
        JSON.stringify(request.headers),
        request.body,
        request.size,
        request.verdict,
        request.status,
        request.reason,
        request.signature,
        request.profileId,
        eventCount,
        pendingInbox ? 1 : 0,
      ).lastInsertRowid,
    )
  }

  /** The oldest requests still waiting to be filed into the inbox. */
  pending(limit: number): PendingRequest[] {
    return (this.selectPending.all(limit) as { id: number; received_at: number; profile_id: string | null; body: string | null }[]).map((row) => ({
      id: row.id,
      receivedAt: row.received_at,
      profileId: row.profile_id,
      body: row.body ?? 'null',
    }))
  }

  pendingCount(): number {
    return (this.countPending.get() as { n: number }).n
  }

  markFiled(requestId: number): void {
    this.clearPending.run(requestId)
  }

  /** Files a delivery's messages, statuses, contacts and other events; redeliveries change nothing. */
  file(requestId: number, profileId: string | null, receivedAt: number, delivery: ParsedDelivery): InboxChange {
    const result = noChange()
    const profile = profileId ?? ''
    const touched = new Set<string>()

    for (const contact of delivery.contacts) this.nameContact.run(profile, contact.waId, contact.name)
    for (const message of delivery.messages) {
      const row = this.insertMessage.get(
        message.wamid,
        profile,
        message.from,
        message.phoneNumberId,
        message.type,
        message.text,
        JSON.stringify(message.raw),
        message.contextWamid,
        message.timestamp,
        json(message.errors),
        requestId,
      ) as { id: number } | undefined
      if (!row) continue
      result.newMessages++
      this.touchContactInbound.run(profile, message.from, message.timestamp, message.timestamp, row.id)
      touched.add(message.from)
    }
    for (const status of delivery.statuses) {
      const fresh = this.insertStatus.get(
        status.wamid,
        status.status,
        status.timestamp,
        status.recipient,
        json(status.errors),
        json(status.conversation),
        json(status.pricing),
        JSON.stringify(status.raw),
        requestId,
      )
      if (!fresh) continue
      result.newStatuses++
      const advanced = this.advanceStatus.get(status.status, status.rank, status.timestamp, json(status.errors), status.wamid, status.rank)
      if (!advanced && status.recipient) {
        // A status for a message sent by another client (the user's bot): keep it visible in the thread.
        const placeholder = this.insertPlaceholder.get(
          status.wamid,
          profile,
          status.recipient,
          status.phoneNumberId,
          status.timestamp,
          status.status,
          status.rank,
          status.timestamp,
          json(status.errors),
          requestId,
        ) as { id: number } | undefined
        if (placeholder) this.touchContactOutbound.run(profile, status.recipient, status.timestamp, placeholder.id)
      }
      if (status.recipient) touched.add(status.recipient)
    }
    for (const event of delivery.events) {
      const row = this.insertEvent.get(event.dedupeKey, profile, event.field, receivedAt, event.summary, JSON.stringify(event.raw) ?? 'null', requestId)
      if (row) result.newEvents++
    }
    result.contacts = [...touched]
    return result
  }
}
