import type { DatabaseSync, StatementSync } from 'node:sqlite'

export interface OutboundRecord {
  wamid: string
  profileId: string
  contact: string
  phoneNumberId: string | null
  type: string
  text: string | null
  payload: unknown
  contextWamid: string | null
  timestamp: number
  status: string
  statusRank: number
}

/**
 * Messages the composer sent, and what sending needs to know: the 24-hour window (from the
 * contact's last inbound message) and how many messages just went to one recipient.
 */
export class OutboundTable {
  private readonly insert: StatementSync
  private readonly touch: StatementSync
  private readonly lastInbound: StatementSync
  private readonly recentTo: StatementSync
  private readonly draftGet: StatementSync
  private readonly draftSet: StatementSync
  private readonly draftDelete: StatementSync

  constructor(db: DatabaseSync) {
    // A status webhook can beat the send's response: then a placeholder ('external') row already
    // holds the wamid and is completed here, keeping whatever status it has reached.
    this.insert = db.prepare(
      `INSERT INTO messages (wamid, profile_id, direction, contact, phone_number_id, type, text, payload, context_wamid, timestamp, status, status_rank, status_at)
       VALUES (?, ?, 'out', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (wamid) DO UPDATE SET type = excluded.type, text = excluded.text, payload = excluded.payload,
         context_wamid = excluded.context_wamid, timestamp = MIN(messages.timestamp, excluded.timestamp)
       WHERE messages.type = 'external'
       RETURNING id`,
    )
    this.touch = db.prepare(
      `INSERT INTO contacts (profile_id, wa_id, last_message_at, last_message_id) VALUES (?, ?, ?, ?)
       ON CONFLICT (profile_id, wa_id) DO UPDATE SET
         last_message_id = CASE WHEN excluded.last_message_at >= last_message_at THEN excluded.last_message_id ELSE last_message_id END,
         last_message_at = MAX(last_message_at, excluded.last_message_at)`,
    )
    this.lastInbound = db.prepare('SELECT last_inbound_at FROM contacts WHERE profile_id = ? AND wa_id = ?')
    this.recentTo = db.prepare("SELECT COUNT(*) AS n FROM messages WHERE profile_id = ? AND contact = ? AND direction = 'out' AND timestamp >= ?")
    this.draftGet = db.prepare('SELECT text FROM drafts WHERE profile_id = ? AND wa_id = ?')
    this.draftSet = db.prepare(
      'INSERT INTO drafts (profile_id, wa_id, text, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (profile_id, wa_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at',
    )
    this.draftDelete = db.prepare('DELETE FROM drafts WHERE profile_id = ? AND wa_id = ?')
  }

  /** Stores a sent message; returns its row id. */
  record(message: OutboundRecord): number | null {
    const row = this.insert.get(
      message.wamid,
      message.profileId,
      message.contact,
      message.phoneNumberId,
      message.type,
      message.text,
      JSON.stringify(message.payload),
      message.contextWamid,
      message.timestamp,
      message.status,
      message.statusRank,
      message.timestamp,
    ) as { id: number } | undefined
    if (row) this.touch.run(message.profileId, message.contact, message.timestamp, row.id)
    return row?.id ?? null
  }

  lastInboundAt(profileId: string, waId: string): number | null {
    const row = this.lastInbound.get(profileId, waId) as { last_inbound_at: number | null } | undefined
    return row?.last_inbound_at ?? null
  }

  sentSince(profileId: string, waId: string, since: number): number {
    return (this.recentTo.get(profileId, waId, since) as { n: number }).n
  }

  draft(profileId: string, waId: string): string {
    return (this.draftGet.get(profileId, waId) as { text: string } | undefined)?.text ?? ''
  }

  saveDraft(profileId: string, waId: string, text: string, now: number): void {
    if (text.trim() === '') this.draftDelete.run(profileId, waId)
    else this.draftSet.run(profileId, waId, text, now)
  }
}
