import type { DatabaseSync, StatementSync } from 'node:sqlite'

/** How a delivery or a send addresses a customer: a phone number's digits, a BSUID, or both. */
export interface CustomerAddress {
  phone: string | null
  userId: string | null
}

/** Everything a delivery may say about a customer. */
export interface CustomerIdentity extends CustomerAddress {
  parentUserId: string | null
  username: string | null
  name: string | null
}

/** Two conversations found to be one customer: `from` was folded into `into`. */
export interface ContactMerge {
  from: string
  into: string
}

interface ContactRow {
  contact: string
  phone: string | null
  user_id: string | null
  parent_user_id: string | null
  username: string | null
  name: string | null
}

const blank = (address: CustomerAddress): boolean => !address.phone && !address.userId

/**
 * Which conversation a phone number or BSUID belongs to. Every identifier ever seen for a customer
 * is an alias of one conversation key; a delivery naming two identifiers of two conversations
 * merges them (the phone's conversation stays). Runs inside the caller's transaction.
 */
export class ContactDirectory {
  private readonly aliasOf: StatementSync
  private readonly addAlias: StatementSync
  private readonly rowOf: StatementSync
  private readonly createRow: StatementSync
  private readonly updateRow: StatementSync
  private readonly mergeStatements: StatementSync[]
  private readonly mergeRow: StatementSync
  private readonly dropRow: StatementSync
  /** Merges done since the last `takeMerges()`, for the inbox event. */
  private merges: ContactMerge[] = []

  constructor(db: DatabaseSync) {
    this.aliasOf = db.prepare('SELECT contact FROM contact_aliases WHERE profile_id = ? AND alias = ?')
    this.addAlias = db.prepare('INSERT INTO contact_aliases (profile_id, alias, contact) VALUES (?, ?, ?) ON CONFLICT (profile_id, alias) DO UPDATE SET contact = excluded.contact')
    this.rowOf = db.prepare('SELECT contact, phone, user_id, parent_user_id, username, name FROM contacts WHERE profile_id = ? AND contact = ?')
    this.createRow = db.prepare(
      'INSERT INTO contacts (profile_id, contact, phone, user_id, parent_user_id, username, name, last_message_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT DO NOTHING',
    )
    this.updateRow = db.prepare('UPDATE contacts SET phone = ?, user_id = ?, parent_user_id = ?, username = ?, name = ? WHERE profile_id = ? AND contact = ?')
    this.mergeStatements = [
      db.prepare('UPDATE messages SET contact = ?2 WHERE profile_id = ?1 AND contact = ?3'),
      db.prepare('UPDATE contact_aliases SET contact = ?2 WHERE profile_id = ?1 AND contact = ?3'),
      db.prepare('INSERT INTO drafts (profile_id, contact, text, updated_at) SELECT profile_id, ?2, text, updated_at FROM drafts WHERE profile_id = ?1 AND contact = ?3 ON CONFLICT DO NOTHING'),
      db.prepare('DELETE FROM drafts WHERE profile_id = ?1 AND contact = ?3'),
    ]
    this.mergeRow = db.prepare(
      `UPDATE contacts AS c SET
         name = COALESCE(c.name, o.name),
         phone = COALESCE(c.phone, o.phone),
         user_id = COALESCE(c.user_id, o.user_id),
         parent_user_id = COALESCE(c.parent_user_id, o.parent_user_id),
         username = COALESCE(c.username, o.username),
         unread = c.unread + o.unread,
         last_inbound_at = NULLIF(MAX(COALESCE(c.last_inbound_at, 0), COALESCE(o.last_inbound_at, 0)), 0),
         last_message_id = CASE WHEN o.last_message_at > c.last_message_at THEN o.last_message_id ELSE c.last_message_id END,
         last_message_at = MAX(c.last_message_at, o.last_message_at),
         marketing = CASE WHEN COALESCE(o.marketing_at, 0) > COALESCE(c.marketing_at, 0) THEN o.marketing ELSE c.marketing END,
         marketing_at = NULLIF(MAX(COALESCE(c.marketing_at, 0), COALESCE(o.marketing_at, 0)), 0)
       FROM contacts AS o
       WHERE c.profile_id = ?1 AND c.contact = ?2 AND o.profile_id = ?1 AND o.contact = ?3`,
    )
    this.dropRow = db.prepare('DELETE FROM contacts WHERE profile_id = ? AND contact = ?')
  }

  /** The conversation key an identifier belongs to, if it was ever seen. */
  find(profileId: string, identifier: string): string | null {
    return (this.aliasOf.get(profileId, identifier) as { contact: string } | undefined)?.contact ?? null
  }

  /**
   * The conversation of this customer, created if new; links a phone number and a BSUID seen
   * together (the phone's conversation stays) and keeps the newest details. Null for an address
   * naming nobody.
   */
  resolve(profileId: string, identity: CustomerAddress & Partial<CustomerIdentity>): string | null {
    const named = identity.phone ?? identity.userId
    if (!named) return null
    const owners = { phone: identity.phone ? this.find(profileId, identity.phone) : null, userId: identity.userId ? this.find(profileId, identity.userId) : null }
    const contact = owners.phone ?? owners.userId ?? named
    if (!owners.phone && !owners.userId) {
      this.createRow.run(profileId, contact, identity.phone, identity.userId, identity.parentUserId ?? null, identity.username ?? null, identity.name ?? null)
    }
    this.link(profileId, contact, identity, owners)
    return contact
  }

  /**
   * These identifiers belong to this conversation (a status about one of its messages, a change of
   * number or of BSUID): they join it, merging any conversation they had, and become the ones shown.
   */
  attach(profileId: string, contact: string, identity: CustomerAddress & Partial<CustomerIdentity>): void {
    if (blank(identity)) return
    const owners = { phone: identity.phone ? this.find(profileId, identity.phone) : null, userId: identity.userId ? this.find(profileId, identity.userId) : null }
    this.link(profileId, contact, identity, owners)
  }

  /** The merges since the last call, oldest first. */
  takeMerges(): ContactMerge[] {
    const merges = this.merges
    this.merges = []
    return merges
  }

  private link(profileId: string, contact: string, identity: CustomerAddress & Partial<CustomerIdentity>, owners: { phone: string | null; userId: string | null }): void {
    const merged = new Set([contact])
    for (const [identifier, owner] of [[identity.phone, owners.phone], [identity.userId, owners.userId]] as const) {
      if (!identifier || (owner !== null && merged.has(owner))) continue
      if (owner) {
        this.merge(profileId, owner, contact)
        merged.add(owner)
      } else this.addAlias.run(profileId, identifier, contact)
    }
    const row = this.row(profileId, contact)
    if (!row) return
    const next = {
      phone: identity.phone ?? row.phone,
      userId: identity.userId ?? row.user_id,
      parentUserId: identity.parentUserId ?? row.parent_user_id,
      username: identity.username ?? row.username,
      name: identity.name ?? row.name,
    }
    if (next.phone === row.phone && next.userId === row.user_id && next.parentUserId === row.parent_user_id && next.username === row.username && next.name === row.name) return
    this.updateRow.run(next.phone, next.userId, next.parentUserId, next.username, next.name, profileId, contact)
  }

  private row(profileId: string, contact: string): ContactRow | undefined {
    return this.rowOf.get(profileId, contact) as ContactRow | undefined
  }

  /** Folds conversation `from` into `into`: messages, aliases, draft, counters and details. */
  private merge(profileId: string, from: string, into: string): void {
    if (!this.row(profileId, into)) this.createRow.run(profileId, into, null, null, null, null, null)
    this.mergeRow.run(profileId, into, from)
    for (const statement of this.mergeStatements) statement.run(profileId, into, from)
    this.dropRow.run(profileId, from)
    this.merges.push({ from, into })
  }
}
