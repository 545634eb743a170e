import { chmodSync, existsSync, statSync } from 'node:fs'
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

  it('keeps its files to the user: the database and its WAL 0600, repaired when looser', () => {
    const dir = tempDir()
    const first = Store.open(dir)
    first.db.exec('CREATE TABLE probe (x); INSERT INTO probe VALUES (1)')
    const files = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`].map((name) => join(dir, name))
    for (const file of files) expect(statSync(file).mode & 0o777, file).toBe(0o600)
    first.close()
    chmodSync(join(dir, DATABASE_FILE), 0o644)
    Store.open(dir).close()
    expect(statSync(join(dir, DATABASE_FILE)).mode & 0o777).toBe(0o600)
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

function upTo(version: number): DatabaseSync {
  const db = new DatabaseSync(':memory:')
  db.exec('PRAGMA foreign_keys = ON')
  migrate(db, migrations, version)
  return db
}

const indexes = (db: DatabaseSync, table: string) => (db.prepare(`PRAGMA index_list(${table})`).all() as { name: string }[]).map((i) => i.name)

describe('migration 2: webhooks', () => {
  it('keeps one message per wamid and indexes its text for full-text search', () => {
    const db = upTo(2)
    const insert = db.prepare(
      "INSERT INTO messages (wamid, direction, contact, type, text, payload, timestamp) VALUES (?, 'in', '49151', 'text', ?, '{}', 1) ON CONFLICT (wamid) DO NOTHING",
    )
    insert.run('wamid.1', 'Where is my parcel?')
    insert.run('wamid.1', 'a redelivery')
    expect(db.prepare('SELECT COUNT(*) AS n FROM messages').get()).toEqual({ n: 1 })
    expect(db.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'parcel'").all()).toHaveLength(1)
    db.exec("UPDATE messages SET text = 'changed words' WHERE wamid = 'wamid.1'")
    expect(db.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'parcel'").all()).toHaveLength(0)
    db.exec("DELETE FROM messages WHERE wamid = 'wamid.1'")
    expect(db.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'changed'").all()).toHaveLength(0)
    expect(() => db.exec("INSERT INTO webhook_requests (received_at, method, path, headers, size, verdict, status, signature) VALUES (1, 'POST', '/', '{}', 0, 'maybe', 200, 'valid')")).toThrow(/CHECK/)
  })
})

describe('migration 3: refresh log', () => {
  it('accepts only known triggers and outcomes', () => {
    const db = upTo(3)
    const add = (trigger: string, outcome: string) =>
      db.prepare("INSERT INTO refresh_log (profile_id, at, trigger, strategy, outcome, duration_ms) VALUES ('p', 1, ?, 'mint', ?, 5)").run(trigger, outcome)
    add('on_190', 'success')
    expect(() => add('whenever', 'success')).toThrow(/CHECK/)
    expect(() => add('manual', 'meh')).toThrow(/CHECK/)
  })
})

describe('migration 4: drafts', () => {
  it('keeps one draft per profile and conversation', () => {
    const db = upTo(4)
    db.exec("INSERT INTO drafts (profile_id, wa_id, text, updated_at) VALUES ('p', '49151', 'hi', 1)")
    expect(() => db.exec("INSERT INTO drafts (profile_id, wa_id, text, updated_at) VALUES ('p', '49151', 'again', 2)")).toThrow(/UNIQUE|PRIMARY/)
  })
})

describe('migration 5: webhook registrations', () => {
  it('records one registration per profile, mode and target, and drops them with their profile', () => {
    const db = upTo(5)
    db.exec(`INSERT INTO profiles (id, name, graph_version, created_at, updated_at) VALUES ('p1', 'prod', 'v25.0', 1, 1)`)
    const add = () =>
      db.exec(
        `INSERT INTO webhook_registrations (profile_id, mode, target_id, callback_url, owner_pid, owner_id, created_at, updated_at) VALUES ('p1', 'phone_number', '123', 'https://x/webhook', 1, 'o', 1, 1)`,
      )
    add()
    expect(add).toThrow(/UNIQUE/)
    db.exec(`DELETE FROM profiles WHERE id = 'p1'`)
    expect(db.prepare('SELECT COUNT(*) AS n FROM webhook_registrations').get()).toEqual({ n: 0 })
  })
})

describe('migration 6: request indexes', () => {
  it('indexes the rows that point at raw requests, so pruning does not scan every message', () => {
    const db = upTo(6)
    expect(indexes(db, 'messages')).toContain('messages_by_request')
    expect(indexes(db, 'statuses')).toContain('statuses_by_request')
    expect(indexes(db, 'webhook_events')).toContain('webhook_events_by_request')
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM messages WHERE request_id = ?').all(1) as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('messages_by_request')
  })
})

describe('migration 8: contact identity', () => {
  it('keeps every existing conversation under its phone number, now also an alias, with its draft', () => {
    const db = upTo(7)
    db.exec(`INSERT INTO contacts (profile_id, wa_id, name, last_message_at, unread) VALUES ('p', '4915112345678', 'Erika', 5, 2)`)
    db.exec(`INSERT INTO drafts (profile_id, wa_id, text, updated_at) VALUES ('p', '4915112345678', 'half a thought', 1)`)
    migrate(db, migrations, 8)
    expect(db.prepare('SELECT contact, phone, user_id, username, name, unread FROM contacts').all()).toEqual([
      { contact: '4915112345678', phone: '4915112345678', user_id: null, username: null, name: 'Erika', unread: 2 },
    ])
    expect(db.prepare('SELECT alias, contact FROM contact_aliases').all()).toEqual([{ alias: '4915112345678', contact: '4915112345678' }])
    expect(db.prepare('SELECT contact, text FROM drafts').all()).toEqual([{ contact: '4915112345678', text: 'half a thought' }])
  })

  it('allows a BSUID-only customer, one alias per identifier, and only known marketing preferences', () => {
    const db = upTo(8)
    db.exec(`INSERT INTO contacts (profile_id, contact, user_id, username, last_message_at) VALUES ('p', 'US.13491208655302741918', 'US.13491208655302741918', '@sheena', 0)`)
    const alias = () => db.exec(`INSERT INTO contact_aliases (profile_id, alias, contact) VALUES ('p', 'US.13491208655302741918', 'US.13491208655302741918')`)
    alias()
    expect(alias).toThrow(/UNIQUE|PRIMARY/)
    expect(() => db.exec(`UPDATE contacts SET marketing = 'maybe'`)).toThrow(/CHECK/)
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM messages WHERE target_wamid = ?').all('wamid.x') as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('messages_by_target')
  })
})

describe('migration 9: refresh outcome no_gain', () => {
  it('keeps every logged refresh and accepts no_gain besides the other outcomes', () => {
    const db = upTo(8)
    db.exec("INSERT INTO refresh_log (profile_id, at, trigger, strategy, outcome, duration_ms, note) VALUES ('p', 1, 'manual', 'mint', 'success', 5, 'kept')")
    migrate(db, migrations, 9)
    expect(db.prepare('SELECT profile_id, outcome, note FROM refresh_log').all()).toEqual([{ profile_id: 'p', outcome: 'success', note: 'kept' }])
    db.exec("INSERT INTO refresh_log (profile_id, at, trigger, strategy, outcome, duration_ms) VALUES ('p', 2, 'scheduled', 'exchange_user', 'no_gain', 5)")
    expect(() => db.exec("INSERT INTO refresh_log (profile_id, at, trigger, strategy, outcome, duration_ms) VALUES ('p', 3, 'manual', 'mint', 'meh', 5)")).toThrow(/CHECK/)
    expect(indexes(db, 'refresh_log')).toContain('refresh_log_by_profile')
  })
})

describe('migration 12: refused sends', () => {
  it('keeps sends Graph refused, read by profile and time, with only the known steps', () => {
    const db = upTo(12)
    expect(columns(db, 'refused_sends')).toEqual(['id', 'profile_id', 'at', 'step', 'type', 'template', 'http_status', 'code', 'subcode', 'title', 'details', 'fbtrace_id'])
    db.exec("INSERT INTO refused_sends (profile_id, at, step, type, http_status, code) VALUES ('p', 1, 'message', 'text', 400, 131030), ('p', 2, 'upload', 'image', 502, NULL)")
    expect(() => db.exec("INSERT INTO refused_sends (profile_id, at, step, type, http_status) VALUES ('p', 3, 'retry', 'text', 400)")).toThrow(/CHECK/)
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT code, COUNT(*) FROM refused_sends WHERE profile_id = ? AND at >= ? AND at < ? GROUP BY code').all('p', 0, 9) as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX refused_sends_by_time')
  })
})
