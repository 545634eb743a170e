import type { DatabaseSync, StatementSync } from 'node:sqlite'
import type { ContactDirectory, ContactMerge, CustomerAddress, CustomerIdentity } from './contact-directory'
import type { ForwardTable } from './forward-table'
import type { AnnouncedMedia, MediaTable } from './media-table'

/** The storage shapes of what a webhook delivery carries; the webhook parser produces them. */
export interface ParsedMessage {
  wamid: string
  /** `in`: the customer wrote it; `out`: the business sent it from the WhatsApp Business app (an echo). */
  direction: 'in' | 'out'
  /** The sender of an inbound message, the recipient of an echo. */
  customer: CustomerAddress
  phoneNumberId: string | null
  type: string
  text: string | null
  timestamp: number
  contextWamid: string | null
  /** `edit` and `revoke`: the message they change. */
  target: string | null
  origin: 'business_app' | null
  errors: unknown[] | null
  /** The media the message carries (an image, a voice note …), if any. */
  media: AnnouncedMedia | null
  raw: Record<string, unknown>
}

export interface StatusUpdate {
  wamid: string
  status: string
  rank: number
  timestamp: number
  recipient: CustomerAddress | null
  phoneNumberId: string | null
  errors: unknown[] | null
  conversation: unknown
  pricing: unknown
  raw: Record<string, unknown>
}

/** A customer's new phone number or BSUID, announced by a system message from the old one. */
export interface IdentityChange {
  customer: CustomerAddress
  next: CustomerAddress
}

/** A customer stopped or resumed marketing messages. */
export interface MarketingPreference {
  customer: CustomerAddress
  value: 'stop' | 'resume'
  at: number
}

export interface OtherEvent {
  field: string
  summary: string | null
  dedupeKey: string
  raw: unknown
}

export interface ParsedDelivery {
  messages: ParsedMessage[]
  statuses: StatusUpdate[]
  /** Everything the delivery says about customers (`contacts[]`): names, usernames, phone and BSUID pairs. */
  contacts: CustomerIdentity[]
  identityChanges: IdentityChange[]
  preferences: MarketingPreference[]
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
  /** Conversations found to be one customer and merged. */
  merged: ContactMerge[]
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

export const noChange = (): InboxChange => ({ newMessages: 0, newStatuses: 0, newEvents: 0, contacts: [], merged: [] })

/** Adds what one filing changed to a running total (contacts are kept unique). */
export function addChange(total: InboxChange, one: InboxChange): InboxChange {
  total.newMessages += one.newMessages
  total.newStatuses += one.newStatuses
  total.newEvents += one.newEvents
  for (const contact of one.contacts) if (!total.contacts.includes(contact)) total.contacts.push(contact)
  total.merged.push(...one.merged)
  return total
}

/** Whether a change is worth telling the UI about. */
export const hasChange = (change: InboxChange): boolean => change.newMessages + change.newStatuses + change.newEvents + change.merged.length > 0

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value))

/**
 * Writes captured requests and files their events into the inbox. Filing is idempotent: a message is one row per wamid, a status
 * one row per (wamid, status, timestamp), an event one row per content hash; redeliveries change
 * nothing. The caller owns the transaction (the listener groups many requests into one commit).
 */
export class WebhookCapture {
  private readonly insertRequest: StatementSync
  private readonly insertMessage: StatementSync
  private readonly insertEcho: StatementSync
  private readonly touchContactInbound: StatementSync
  private readonly touchContactOutbound: StatementSync
  private readonly insertStatus: StatementSync
  private readonly advanceStatus: StatementSync
  private readonly insertPlaceholder: StatementSync
  private readonly applyEdit: StatementSync
  private readonly applyRevoke: StatementSync
  private readonly changesFor: StatementSync
  private readonly setMarketing: StatementSync
  private readonly insertEvent: StatementSync
  private readonly selectPending: StatementSync
  private readonly clearPending: StatementSync
  private readonly countPending: StatementSync

  constructor(
    db: DatabaseSync,
    private readonly contacts: ContactDirectory,
    private readonly media: MediaTable,
    private readonly forward: ForwardTable,
  ) {
    this.insertRequest = db.prepare(
      `INSERT INTO webhook_requests (received_at, method, path, remote, headers, body, size, verdict, status, reason, signature, profile_id, event_count, inbox_pending)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.insertMessage = db.prepare(
      `INSERT INTO messages (wamid, profile_id, direction, contact, phone_number_id, type, text, payload, context_wamid, timestamp, errors, request_id, target_wamid)
       VALUES (?, ?, 'in', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (wamid) DO NOTHING RETURNING id`,
    )
    // A status can beat the echo of a message sent from the WhatsApp Business app: the echo completes its placeholder.
    this.insertEcho = db.prepare(
      `INSERT INTO messages (wamid, profile_id, direction, contact, phone_number_id, type, text, payload, context_wamid, timestamp, errors, request_id, target_wamid, origin)
       VALUES (?, ?, 'out', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'business_app')
       ON CONFLICT (wamid) DO UPDATE SET type = excluded.type, text = excluded.text, payload = excluded.payload, context_wamid = excluded.context_wamid,
         timestamp = MIN(messages.timestamp, excluded.timestamp), target_wamid = excluded.target_wamid, origin = 'business_app'
       WHERE messages.type = 'external'
       RETURNING id`,
    )
    this.touchContactInbound = db.prepare(
      `UPDATE contacts SET
         last_inbound_at = MAX(COALESCE(last_inbound_at, 0), ?3),
         last_message_id = CASE WHEN ?3 >= last_message_at THEN ?4 ELSE last_message_id END,
         last_message_at = MAX(last_message_at, ?3),
         unread = unread + 1
       WHERE profile_id = ?1 AND contact = ?2`,
    )
    this.touchContactOutbound = db.prepare(
      `UPDATE contacts SET
         last_message_id = CASE WHEN ?3 >= last_message_at THEN ?4 ELSE last_message_id END,
         last_message_at = MAX(last_message_at, ?3)
       WHERE profile_id = ?1 AND contact = ?2`,
    )
    this.insertStatus = db.prepare(
      `INSERT INTO statuses (wamid, status, timestamp, recipient, errors, conversation, pricing, payload, request_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING wamid`,
    )
    this.advanceStatus = db.prepare(
      `UPDATE messages SET status = ?, status_rank = ?, status_at = ?, errors = COALESCE(?, errors)
       WHERE wamid = ? AND status_rank < ? RETURNING contact`,
    )
    this.insertPlaceholder = db.prepare(
      `INSERT INTO messages (wamid, profile_id, direction, contact, phone_number_id, type, text, payload, timestamp, status, status_rank, status_at, errors, request_id)
       VALUES (?, ?, 'out', ?, ?, 'external', NULL, '{}', ?, ?, ?, ?, ?, ?) ON CONFLICT (wamid) DO NOTHING RETURNING id`,
    )
    // The earlier text goes to `revisions` with the moment it was written; a late redelivery of an older edit changes nothing.
    this.applyEdit = db.prepare(
      `UPDATE messages SET
         revisions = json_insert(COALESCE(revisions, '[]'), '$[#]', json_object('text', text, 'at', COALESCE(edited_at, timestamp))),
         text = ?1, edited_at = ?2
       WHERE wamid = ?3 AND target_wamid IS NULL AND COALESCE(edited_at, timestamp) <= ?2 RETURNING contact`,
    )
    this.applyRevoke = db.prepare('UPDATE messages SET revoked_at = ?1 WHERE wamid = ?2 AND target_wamid IS NULL AND revoked_at IS NULL RETURNING contact')
    this.changesFor = db.prepare('SELECT type, text, timestamp FROM messages WHERE target_wamid = ? ORDER BY timestamp, id')
    this.setMarketing = db.prepare(
      'UPDATE contacts SET marketing = ?3, marketing_at = ?4 WHERE profile_id = ?1 AND contact = ?2 AND COALESCE(marketing_at, 0) <= ?4',
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
    const requestId = Number(
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
    // In the same commit as the delivery: what Meta is told was received is also on its way to the operator's bot.
    if ((request.verdict === 'accepted' || request.verdict === 'verified') && request.profileId !== null) {
      this.forward.enqueueLive(requestId, request.profileId, request.method, request.receivedAt)
    }
    return requestId
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

  /** Files a delivery's messages, statuses, customers and other events; redeliveries change nothing. */
  file(requestId: number, profileId: string | null, receivedAt: number, delivery: ParsedDelivery): InboxChange {
    const result = noChange()
    const profile = profileId ?? ''
    const touched = new Set<string>()
    // Merges of a filing that failed half-way were rolled back with it.
    this.contacts.takeMerges()

    for (const contact of delivery.contacts) this.contacts.resolve(profile, contact)
    for (const message of delivery.messages) {
      const contact = this.contacts.resolve(profile, message.customer)
      if (contact === null) continue
      if (this.fileMessage(profile, contact, requestId, message, touched)) result.newMessages++
    }
    for (const change of delivery.identityChanges) {
      const contact = this.contacts.resolve(profile, change.customer)
      if (contact === null) continue
      this.contacts.attach(profile, contact, change.next)
      touched.add(contact)
    }
    for (const preference of delivery.preferences) {
      const contact = this.contacts.resolve(profile, preference.customer)
      if (contact !== null && this.setMarketing.run(profile, contact, preference.value, preference.at).changes > 0) touched.add(contact)
    }
    for (const status of delivery.statuses) {
      const fresh = this.insertStatus.get(
        status.wamid,
        status.status,
        status.timestamp,
        status.recipient?.phone ?? status.recipient?.userId ?? null,
        json(status.errors),
        json(status.conversation),
        json(status.pricing),
        JSON.stringify(status.raw),
        requestId,
      )
      if (!fresh) continue
      result.newStatuses++
      const advanced = this.advanceStatus.get(status.status, status.rank, status.timestamp, json(status.errors), status.wamid, status.rank) as { contact: string } | undefined
      if (advanced) {
        // The status names the customer the message went to: whatever it adds (a BSUID, a phone) joins that conversation.
        if (status.recipient) this.contacts.attach(profile, advanced.contact, status.recipient)
        touched.add(advanced.contact)
        continue
      }
      const contact = status.recipient ? this.contacts.resolve(profile, status.recipient) : null
      if (contact === null) continue
      // A status for a message sent by another client (the user's bot): keep it visible in the thread.
      const placeholder = this.insertPlaceholder.get(
        status.wamid,
        profile,
        contact,
        status.phoneNumberId,
        status.timestamp,
        status.status,
        status.rank,
        status.timestamp,
        json(status.errors),
        requestId,
      ) as { id: number } | undefined
      if (placeholder) this.touchContactOutbound.run(profile, contact, status.timestamp, placeholder.id)
      touched.add(contact)
    }
    for (const event of delivery.events) {
      const row = this.insertEvent.get(event.dedupeKey, profile, event.field, receivedAt, event.summary, JSON.stringify(event.raw) ?? 'null', requestId)
      if (row) result.newEvents++
    }
    result.merged = this.contacts.takeMerges()
    for (const { from, into } of result.merged) {
      touched.delete(from)
      touched.add(into)
    }
    result.contacts = [...touched]
    return result
  }

  /** Stores one message (once per wamid); an edit or deletion changes its target, before or after it arrives. */
  private fileMessage(profile: string, contact: string, requestId: number, message: ParsedMessage, touched: Set<string>): boolean {
    const values = [
      message.wamid,
      profile,
      contact,
      message.phoneNumberId,
      message.type,
      message.text,
      JSON.stringify(message.raw),
      message.contextWamid,
      message.timestamp,
      json(message.errors),
      requestId,
      message.target,
    ] as const
    const row = (message.direction === 'out' ? this.insertEcho.get(...values) : this.insertMessage.get(...values)) as { id: number } | undefined
    if (!row) return false
    if (message.target !== null) {
      const changed = this.applyChange(message.target, message.type, message.text, message.timestamp)
      if (changed) touched.add(changed)
      return true
    }
    if (message.media) this.media.remember(profile, message.wamid, message.media, message.timestamp)
    if (message.direction === 'out') this.touchContactOutbound.run(profile, contact, message.timestamp, row.id)
    else this.touchContactInbound.run(profile, contact, message.timestamp, row.id)
    // Edits and deletions delivered before the message itself.
    for (const change of this.changesFor.all(message.wamid) as { type: string; text: string | null; timestamp: number }[]) {
      this.applyChange(message.wamid, change.type, change.text, change.timestamp)
    }
    touched.add(contact)
    return true
  }

  /** Returns the conversation of the changed message, when it is stored. */
  private applyChange(target: string, type: string, text: string | null, at: number): string | null {
    const row = (type === 'revoke' ? this.applyRevoke.get(at, target) : this.applyEdit.get(text, at, target)) as { contact: string } | undefined
    return row?.contact ?? null
  }
}
