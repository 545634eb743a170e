import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { DATABASE_FILE, migrate, migrations, schemaVersion, Store } from '../../../src/main/core/store'
import { tempDir } from '../../support/core'

function columns(db: DatabaseSync, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name)
}

describe('store', () => {
  it('opens one WAL file with synchronous=FULL and the newest schema', () => {
    const dir = tempDir()
    const store = Store.open(dir)
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(true)
    expect(store.db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' })
    expect(store.db.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 })
    expect(store.db.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 })
    expect(schemaVersion(store.db)).toBe(migrations.length)
    store.close()
  })

  it('refuses a file written by a newer Switchboard instead of damaging it', () => {
    const dir = tempDir()
    const db = new DatabaseSync(join(dir, DATABASE_FILE))
    db.exec(`PRAGMA user_version = ${migrations.length + 1}`)
    db.close()
    expect(() => Store.open(dir)).toThrow(/newer than this Switchboard understands/)
  })

  it('leaves the file at the last good version when a migration fails', () => {
    const db = new DatabaseSync(':memory:')
    const broken = [...migrations, { version: migrations.length + 1, name: 'broken', up: 'CREATE TABLE profiles (x)' }]
    expect(() => migrate(db, broken)).toThrow(/broken/)
    expect(schemaVersion(db)).toBe(migrations.length)
  })
})

describe('migration 1: profiles', () => {
  it('creates profiles, settings and env sync targets, with cascade on delete', () => {
    const db = new DatabaseSync(':memory:')
    db.exec('PRAGMA foreign_keys = ON')
    migrate(db, migrations, 1)
    expect(schemaVersion(db)).toBe(1)
    expect(columns(db, 'profiles')).toEqual([
      'id', 'name', 'kind', 'phone_number_id', 'waba_id', 'system_user_id', 'graph_version', 'appsecret_proof', 'created_at', 'updated_at',
    ])
    expect(columns(db, 'settings')).toEqual(['key', 'value'])
    db.exec(`INSERT INTO profiles (id, name, graph_version, created_at, updated_at) VALUES ('p1', 'Production', 'v25.0', 1, 1)`)
    expect(() => db.exec(`INSERT INTO profiles (id, name, graph_version, created_at, updated_at) VALUES ('p2', 'production', 'v25.0', 1, 1)`)).toThrow(/UNIQUE/)
    db.exec(`INSERT INTO env_sync_targets (profile_id, path, variable, added_at) VALUES ('p1', '/x/.env', 'WHATSAPP_TOKEN', 1)`)
    db.exec(`DELETE FROM profiles WHERE id = 'p1'`)
    expect(db.prepare('SELECT COUNT(*) AS n FROM env_sync_targets').get()).toEqual({ n: 0 })
  })
})
