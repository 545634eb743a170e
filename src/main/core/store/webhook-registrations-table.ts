import type { DatabaseSync } from 'node:sqlite'

export type RegistrationMode = 'phone_number' | 'waba' | 'app'

/** One callback Switchboard set at Meta; `previousUrl`/`previousFields` are what it replaced. */
export interface WebhookRegistration {
  id: number
  profileId: string
  mode: RegistrationMode
  targetId: string
  callbackUrl: string
  previousUrl: string | null
  /** App mode: the fields of the replaced subscription. */
  previousFields: string[] | null
  ownerPid: number
  ownerId: string
  createdAt: number
  updatedAt: number
}

interface Raw {
  id: number
  profile_id: string
  mode: RegistrationMode
  target_id: string
  callback_url: string
  previous_url: string | null
  previous_fields: string | null
  owner_pid: number
  owner_id: string
  created_at: number
  updated_at: number
}

function fields(text: string | null): string[] | null {
  if (text === null) return null
  try {
    const parsed: unknown = JSON.parse(text)
    return Array.isArray(parsed) ? parsed.map(String) : null
  } catch {
    return null
  }
}

const fromRaw = (r: Raw): WebhookRegistration => ({
  id: r.id,
  profileId: r.profile_id,
  mode: r.mode,
  targetId: r.target_id,
  callbackUrl: r.callback_url,
  previousUrl: r.previous_url,
  previousFields: fields(r.previous_fields),
  ownerPid: r.owner_pid,
  ownerId: r.owner_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export class WebhookRegistrationsTable {
  constructor(private readonly db: DatabaseSync) {}

  all(): WebhookRegistration[] {
    return (this.db.prepare('SELECT * FROM webhook_registrations ORDER BY id').all() as unknown as Raw[]).map(fromRaw)
  }

  find(profileId: string, mode: RegistrationMode, targetId: string): WebhookRegistration | undefined {
    const row = this.db.prepare('SELECT * FROM webhook_registrations WHERE profile_id = ? AND mode = ? AND target_id = ?').get(profileId, mode, targetId)
    return row ? fromRaw(row as unknown as Raw) : undefined
  }

  insert(entry: Omit<WebhookRegistration, 'id'>): WebhookRegistration {
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO webhook_registrations (profile_id, mode, target_id, callback_url, previous_url, previous_fields, owner_pid, owner_id, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          entry.profileId,
          entry.mode,
          entry.targetId,
          entry.callbackUrl,
          entry.previousUrl,
          entry.previousFields === null ? null : JSON.stringify(entry.previousFields),
          entry.ownerPid,
          entry.ownerId,
          entry.createdAt,
          entry.updatedAt,
        ).lastInsertRowid,
    )
    return { ...entry, id }
  }

  /** Points a record at a new URL and takes it over for this owner; what it replaced stays as it was. */
  update(id: number, change: { callbackUrl: string; ownerPid: number; ownerId: string; updatedAt: number }): void {
    this.db
      .prepare('UPDATE webhook_registrations SET callback_url = ?, owner_pid = ?, owner_id = ?, updated_at = ? WHERE id = ?')
      .run(change.callbackUrl, change.ownerPid, change.ownerId, change.updatedAt, id)
  }

  delete(id: number): void {
    this.db.prepare('DELETE FROM webhook_registrations WHERE id = ?').run(id)
  }
}
