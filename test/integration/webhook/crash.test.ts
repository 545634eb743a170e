import { describe, expect, it } from 'vitest'
import { runBuiltCli } from '../../support/cli'
import { ackedThenKilled, filedWamids } from '../../support/crash'
import { sample } from '../../support/secrets'
import { startServe } from '../../support/serve'
import { tempDir } from '../../support/temp'

describe('crash consistency', () => {
  it('keeps every acknowledged delivery through a SIGKILL under concurrent load', async () => {
    const dataDir = tempDir()
    expect(runBuiltCli(['credentials', 'set', '--data-dir', dataDir, '--profile', 'crash', '--read', 'app-secret'], { input: `${sample.appSecret}\n` }).status).toBe(0)
    const acked = await ackedThenKilled(dataDir, { concurrency: 16, killAfterAcks: 400 })
    expect(acked.size).toBeGreaterThanOrEqual(400)

    // The file recovers from the crash (WAL replay) and serves again.
    const again = await startServe(['--data-dir', dataDir, '--port', '0', '--webhook-port', '0'])
    expect(await again.stop('SIGTERM')).toBe(0)

    // Filed into the inbox: the restart files what the kill left in the backlog.
    const stored = filedWamids(dataDir)
    const missing = [...acked].filter((id) => !stored.has(id))
    expect(missing).toEqual([])
  }, 60_000)
})
