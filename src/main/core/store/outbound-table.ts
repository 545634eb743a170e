import type { DatabaseSync, StatementSync } from 'node:sqlite'
import type { ContactDirectory, ContactMerge, CustomerAddress } from './contact-directory'
import { transaction } from './database'

export interface OutboundRecord {
  wamid: string
  profileId: string
  /** Who it went to: the address sent, completed with what Meta's answer added. */
  customer: CustomerAddress
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
  private readonly recentTo: StatementSync
  private readonly draftGet: StatementSync
  private readonly draftSet: StatementSync
  private readonly draftDelete: StatementSync

  constructor(
    private readonly db: DatabaseSync,
    private readonly contacts: ContactDirectory,
  ) {
    // A status webhook can beat the send's response: then a placeholder ('external') row already
    // holds the wamid and is completed here, keeping whatever status it has reached.
    this.insert = db.prepare(
      `INSERT INTO messages (wamid, profile_id, direction, contact, phone_number_id, type, text, payload, context_wamid, timestamp, status, status_rank, status_at)
       VALUES (?, ?, 'out', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (wamid) DO UPDATE SET type = excluded.type, text = excluded.text, payload = excluded.payload,
         context_wamid = excluded.context_wamid, timestamp = MIN(messages.timestamp, excluded.timestamp)
       WHERE messages.type = 'external'
       RETURNING id, contact`,
    )
    this.touch = db.prepare(
      `UPDATE contacts SET
         last_message_id = CASE WHEN ?3 >= last_message_at THEN ?4 ELSE last_message_id END,
         last_message_at = MAX(last_message_at, ?3)
       WHERE profile_id = ?1 AND contact = ?2`,
    )
    this.recentTo = db.prepare("SELECT COUNT(*) AS n FROM messages WHERE profile_id = ? AND contact = ? AND direction = 'out' AND timestamp >= ?")
    this.draftGet = db.prepare('SELECT text FROM drafts WHERE profile_id = ? AND contact = ?')
    this.draftSet = db.prepare(
      'INSERT INTO drafts (profile_id, contact, text, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (profile_id, contact) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at',
    )
    this.draftDelete = db.prepare('DELETE FROM drafts WHERE profile_id = ? AND contact = ?')
  }

  /** Stores a sent message in its customer's conversation; returns the conversation and any merge the answer revealed. */
  record(message: OutboundRecord): { contact: string; merged: ContactMerge[] } {
    return transaction(this.db, () => {
      this.contacts.takeMerges()
      const resolved = this.contacts.resolve(message.profileId, message.customer)
      if (resolved === null) throw new Error(`The sent message ${message.wamid} names no recipient`)
      const row = this.insert.get(
        message.wamid,
        message.profileId,
        resolved,
        message.phoneNumberId,
        message.type,
        message.text,
        JSON.stringify(message.payload),
        message.contextWamid,
        message.timestamp,
        message.status,
        message.statusRank,
        message.timestamp,
      ) as { id: number; contact: string } | undefined
      if (row) {
        // A status that beat this answer filed a placeholder under whatever it named: it is the same customer.
        if (row.contact !== resolved) this.contacts.attach(message.profileId, row.contact, message.customer)
        this.touch.run(message.profileId, row.contact, message.timestamp, row.id)
      }
      return { contact: row?.contact ?? resolved, merged: this.contacts.takeMerges() }
    })
  }

  sentSince(profileId: string, contact: string, since: number): number {
    return (this.recentTo.get(profileId, contact, since) as { n: number }).n
  }

  draft(profileId: string, contact: string): string {
    return (this.draftGet.get(profileId, contact) as { text: string } | undefined)?.text ?? ''
  }

  saveDraft(profileId: string, contact: string, text: string, now: number): void {
    if (text.trim() === '') this.draftDelete.run(profileId, contact)
    else this.draftSet.run(profileId, contact, text, now)
  }
}
