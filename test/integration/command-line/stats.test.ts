import { describe, expect, it } from 'vitest'
import { runBuiltCli } from '../../support/cli'
import { tempDir } from '../../support/core'

describe('switchboard stats', () => {
  it('prints the numbers as text or JSON, and says what is wrong with its options', () => {
    const dataDir = tempDir()
    const run = (args: string[]) => runBuiltCli([...args, '--data-dir', dataDir, '--profile', 'shop'])
    expect(runBuiltCli(['credentials', 'set', '--data-dir', dataDir, '--profile', 'shop', '--app-id', '123456']).status).toBe(0)
    const json = run(['stats', '--json', '--since', '2026-11-01', '--until', '2026-11-08'])
    expect(json.status).toBe(0)
    const stats = JSON.parse(json.stdout) as { bucket: string; buckets: unknown[]; funnel: unknown }
    expect(stats.bucket).toBe('hour')
    expect(stats.buckets).toHaveLength(7 * 24)
    expect(stats.funnel).toEqual({ sent: 0, delivered: 0, read: 0, failed: 0 })
    const text = run(['stats'])
    expect(text.status).toBe(0)
    expect(text.stdout).toMatch(/\(96 × 15m\)\nmessages {5}0 in, 0 out\ndelivery {5}sent 0 → delivered 0 \(—\)/)
    expect(run(['stats', '--bucket', 'week']).stderr).toContain('--bucket takes 15m, hour, day')
    expect(run(['stats', '--since', 'yesterday']).stderr).toContain('--since takes a date or date-time')
    expect(run(['stats', '--since', '2026-11-08', '--until', '2026-11-01']).status).toBe(2)
  })
})
