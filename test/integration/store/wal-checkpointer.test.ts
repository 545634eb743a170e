import { statSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Store, WalCheckpointer } from '../../../src/main/core/store'
import { tempDir } from '../../support/temp'

const autocheckpoint = (store: Store) => (store.db.prepare('PRAGMA wal_autocheckpoint').get() as { wal_autocheckpoint: number }).wal_autocheckpoint

async function until(condition: () => boolean, what: string): Promise<void> {
  await vi.waitFor(() => expect(condition(), what).toBe(true), { timeout: 6000, interval: 20 })
}

describe('WAL checkpoints on a worker thread', () => {
  let store: Store
  let checkpointer: WalCheckpointer
  afterEach(async () => {
    await checkpointer.stop()
    store.close()
  })

  it('takes checkpoints off the writing connection and still copies the WAL into the database file', async () => {
    store = Store.open(tempDir())
    const errors: string[] = []
    checkpointer = new WalCheckpointer(store.db, store.file, { onError: (message) => errors.push(message) })
    checkpointer.start()
    expect(autocheckpoint(store)).toBe(0)

    const before = statSync(store.file).size
    store.db.exec('CREATE TABLE filler (body TEXT)')
    const insert = store.db.prepare('INSERT INTO filler (body) VALUES (?)')
    for (let i = 0; i < 20; i++) store.transaction(() => insert.run('x'.repeat(200_000)))
    // The rows reach the main file only through a checkpoint, and this connection takes none.
    await until(() => statSync(store.file).size > before + 3_000_000, 'the database file grew by the checkpointed pages')
    expect(errors).toEqual([])

    await checkpointer.stop()
    expect(autocheckpoint(store)).toBe(1000)
  })

  it('gives checkpoints back to the connection and says so when the thread cannot run', async () => {
    store = Store.open(tempDir())
    const errors: string[] = []
    // A directory is not a database: the thread fails as it opens it.
    checkpointer = new WalCheckpointer(store.db, tempDir(), { onError: (message) => errors.push(message) })
    checkpointer.start()
    await until(() => !checkpointer.running, 'the checkpointer stopped')
    expect(autocheckpoint(store)).toBe(1000)
    expect(errors.join('\n')).toMatch(/background checkpoints stopped .*checkpointing on commit again/)
  })
})
