import { describe, expect, it } from 'vitest'
import { Store } from '../../../src/main/core/store'
import { runBuiltCli } from '../../support/cli'
import { tempDir } from '../../support/core'

describe('switchboard stats', () => {
  it('prints the numbers as text or JSON, and says what is wrong with its options', () => {
    const dataDir = tempDir()
    const run = (args: string[]) => runBuiltCli([...args, '--data-dir', dataDir, '--profile', 'shop'])
    expect(runBuiltCli(['credentials', 'set', '--data-dir', dataDir, '--profile', 'shop', '--app-id', '123456']).status).toBe(0)
    const json = run(['stats', '--json', '--since', '2026-11-01', '--until', '2026-11-08'])
    expect(json.status).toBe(0)
    const stats = JSON.parse(json.stdout) as { bucket: string; buckets: unknown[]; funnel: unknown; graphErrors: unknown }
    expect(stats.bucket).toBe('hour')
    expect(stats.buckets).toHaveLength(7 * 24)
    expect(stats.funnel).toEqual({ sent: 0, delivered: 0, read: 0, failed: 0 })
    expect(stats.graphErrors).toEqual({ buckets: [], codes: [] })
    const text = run(['stats'])
    expect(text.status).toBe(0)
    expect(text.stdout).toMatch(/\(96 × 15m\)\nmessages {5}0 in, 0 out\ndelivery {5}sent 0 → delivered 0 \(—\)/)
    expect(text.stdout).toMatch(/\ngraph errors 0: 0 refused at once, 0 failed later\n$/)
    expect(run(['stats', '--bucket', 'week']).stderr).toContain('--bucket takes 15m, hour, day')
    expect(run(['stats', '--since', 'yesterday']).stderr).toContain('--since takes a date or date-time')
    expect(run(['stats', '--since', '2026-11-08', '--until', '2026-11-01']).status).toBe(2)
  })
})

describe('switchboard stats: Graph errors', () => {
  it('lists each code with what was refused and what failed, and what to do', () => {
    const dataDir = tempDir()
    expect(runBuiltCli(['credentials', 'set', '--data-dir', dataDir, '--profile', 'shop', '--app-id', '123456']).status).toBe(0)
    const at = Date.parse('2026-11-02T10:00:00Z')
    const store = Store.open(dataDir)
    const profileId = store.profiles.byName('shop')!.id
    for (let i = 0; i < 2; i++) {
      store.refusedSends.record({ profileId, at: at + i, step: 'message', type: 'text', template: null, httpStatus: 400, code: 131030, subcode: null, title: 'Recipient phone number not in allowed list', details: null, fbtraceId: null })
    }
    store.close()
    const text = runBuiltCli(['stats', '--since', '2026-11-01', '--until', '2026-11-08', '--data-dir', dataDir, '--profile', 'shop'])
    expect(text.status).toBe(0)
    expect(text.stdout).toContain(
      'graph errors 2: 2 refused at once, 0 failed later\n' +
        '  error       2 × 131030 Recipient phone number not in allowed list (2 refused, 0 failed)\n' +
        '              The recipient is not in the test number’s allowed list: add it under API Setup → To, or use a production number.\n',
    )
  })
})
