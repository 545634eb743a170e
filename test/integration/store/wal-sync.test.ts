import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE, Store } from '../../../src/main/core/store'
import { tempDir } from '../../support/temp'

const synchronous = (store: Store) => (store.db.prepare('PRAGMA synchronous').get() as { synchronous: number }).synchronous

describe('commits synced off the event loop', () => {
  let store: Store
  afterEach(() => store.close())

  it('commits at once, settles `durable` after the WAL sync, and leaves the connection at synchronous=FULL', async () => {
    const dir = tempDir()
    store = Store.open(dir)
    store.db.exec('CREATE TABLE t (v TEXT)')
    const { result, durable } = store.wal.transaction(() => store.db.prepare("INSERT INTO t (v) VALUES ('kept')").run().changes)
    expect(result).toBe(1)
    expect(synchronous(store)).toBe(2)
    // Committed (another connection sees it) before the sync has even finished.
    const other = new DatabaseSync(join(dir, DATABASE_FILE))
    expect(other.prepare('SELECT v FROM t').all()).toEqual([{ v: 'kept' }])
    other.close()
    await expect(durable).resolves.toBeUndefined()
  })

  it('rolls back a transaction that throws and still restores synchronous=FULL', () => {
    store = Store.open(tempDir())
    store.db.exec('CREATE TABLE t (v TEXT)')
    expect(() =>
      store.wal.transaction(() => {
        store.db.exec("INSERT INTO t (v) VALUES ('gone')")
        throw new Error('not this one')
      }),
    ).toThrow('not this one')
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 0 })
    expect(synchronous(store)).toBe(2)
  })
})
