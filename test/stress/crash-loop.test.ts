import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { runBuiltCli } from '../support/cli'
import { ackedThenKilled, filedWamids, storedWamids } from '../support/crash'
import { sample } from '../support/secrets'
import { startServe } from '../support/serve'
import { tempDir } from '../support/temp'

const RUNS = Number(process.env.SWITCHBOARD_CRASH_RUNS ?? 10)

describe('crash consistency, repeatedly', () => {
  it(`${RUNS} SIGKILLs under load: every acknowledged delivery stored exactly once`, async () => {
    const dataDir = tempDir()
    expect(runBuiltCli(['credentials', 'set', '--data-dir', dataDir, '--read', 'app-secret'], { input: `${sample.appSecret}\n` }).status).toBe(0)
    const acked = new Set<string>()
    for (let run = 0; run < RUNS; run++) {
      for (const id of await ackedThenKilled(dataDir, { concurrency: 24, killAfterAcks: 200 + run * 37 })) acked.add(id)
      const stored = storedWamids(dataDir)
      expect([...acked].filter((id) => !stored.has(id)), `after run ${run + 1}`).toEqual([])
    }
    // The next start files whatever the last kill left in the backlog, and a clean stop finishes it.
    const again = await startServe(['--data-dir', dataDir, '--port', '0', '--webhook-port', '0'])
    expect(await again.stop('SIGTERM')).toBe(0)
    const filed = filedWamids(dataDir)
    expect([...acked].filter((id) => !filed.has(id))).toEqual([])
    const db = new DatabaseSync(join(dataDir, 'switchboard.db'))
    const duplicates = db.prepare('SELECT wamid, COUNT(*) AS n FROM messages GROUP BY wamid HAVING n > 1').all()
    const integrity = db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }
    db.close()
    expect(duplicates).toEqual([])
    expect(integrity.integrity_check).toBe('ok')
  })
})
