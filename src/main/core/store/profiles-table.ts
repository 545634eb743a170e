import type { DatabaseSync } from 'node:sqlite'

export type ProfileKind = 'meta' | 'sandbox'

/** A profile's row: everything about an integration except its secrets. */
export interface ProfileRow {
  id: string
  name: string
  kind: ProfileKind
  phoneNumberId: string | null
  wabaId: string | null
  systemUserId: string | null
  graphVersion: string
  appSecretProof: boolean
  createdAt: number
  updatedAt: number
}

export type ProfileSettings = Pick<ProfileRow, 'phoneNumberId' | 'wabaId' | 'systemUserId' | 'graphVersion' | 'appSecretProof'>

interface Raw {
  id: string
  name: string
  kind: ProfileKind
  phone_number_id: string | null
  waba_id: string | null
  system_user_id: string | null
  graph_version: string
  appsecret_proof: number
  created_at: number
  updated_at: number
}

const fromRaw = (raw: Raw): ProfileRow => ({
  id: raw.id,
  name: raw.name,
  kind: raw.kind,
  phoneNumberId: raw.phone_number_id,
  wabaId: raw.waba_id,
  systemUserId: raw.system_user_id,
  graphVersion: raw.graph_version,
  appSecretProof: raw.appsecret_proof === 1,
  createdAt: raw.created_at,
  updatedAt: raw.updated_at,
})

export class ProfilesTable {
  constructor(private readonly db: DatabaseSync) {}

  list(): ProfileRow[] {
    return (this.db.prepare('SELECT * FROM profiles ORDER BY name COLLATE NOCASE').all() as unknown as Raw[]).map(fromRaw)
  }

  get(id: string): ProfileRow | undefined {
    const raw = this.db.prepare('SELECT * FROM profiles WHERE id = ?').get(id) as Raw | undefined
    return raw && fromRaw(raw)
  }

  byName(name: string): ProfileRow | undefined {
    const raw = this.db.prepare('SELECT * FROM profiles WHERE name = ? COLLATE NOCASE').get(name) as Raw | undefined
    return raw && fromRaw(raw)
  }

  insert(row: ProfileRow): void {
    this.db
      .prepare(
        `INSERT INTO profiles (id, name, kind, phone_number_id, waba_id, system_user_id, graph_version, appsecret_proof, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.id,
        row.name,
        row.kind,
        row.phoneNumberId,
        row.wabaId,
        row.systemUserId,
        row.graphVersion,
        row.appSecretProof ? 1 : 0,
        row.createdAt,
        row.updatedAt,
      )
  }

  rename(id: string, name: string, now: number): void {
    this.db.prepare('UPDATE profiles SET name = ?, updated_at = ? WHERE id = ?').run(name, now, id)
  }

  updateSettings(id: string, settings: ProfileSettings, now: number): void {
    this.db
      .prepare(
        `UPDATE profiles SET phone_number_id = ?, waba_id = ?, system_user_id = ?, graph_version = ?, appsecret_proof = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(
        settings.phoneNumberId,
        settings.wabaId,
        settings.systemUserId,
        settings.graphVersion,
        settings.appSecretProof ? 1 : 0,
        now,
        id,
      )
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM profiles WHERE id = ?').run(id)
  }
}
