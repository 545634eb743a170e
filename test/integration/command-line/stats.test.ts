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

describe('switchboard stats --messages', () => {
  it('lists the messages behind a funnel figure, narrowed by code or template, as text or JSON', () => {
    const dataDir = tempDir()
    expect(runBuiltCli(['credentials', 'set', '--data-dir', dataDir, '--profile', 'shop', '--app-id', '123456']).status).toBe(0)
    const at = Date.parse('2026-11-02T10:00:00Z')
    const store = Store.open(dataDir)
    const profileId = store.profiles.byName('shop')!.id
    const sent = (wamid: string, offset: number, type: string, payload: unknown, text: string | null) =>
      store.outbound.record({ wamid, profileId, customer: { phone: '12015550123', userId: null }, phoneNumberId: '1', type, text, payload, contextWamid: null, timestamp: at + offset, status: 'accepted', statusRank: 1 })
    sent('wamid.a', 0, 'text', { type: 'text', text: { body: 'first' } }, 'first')
    sent('wamid.b', 1000, 'template', { type: 'template', template: { name: 'order_update' } }, 'order_update · Ana')
    sent('wamid.c', 2000, 'text', { type: 'text', text: { body: 'third' } }, 'third')
    store.db.prepare(`UPDATE messages SET status = 'failed', errors = ? WHERE wamid IN ('wamid.b', 'wamid.c')`).run(JSON.stringify([{ code: 131026, title: 'Message undeliverable' }]))
    store.close()
    const run = (args: string[]) => runBuiltCli(['stats', '--since', '2026-11-01', '--until', '2026-11-08', ...args, '--data-dir', dataDir, '--profile', 'shop'])

    const failed = run(['--messages', 'failed', '--code', '131026'])
    expect(failed.status).toBe(0)
    expect(failed.stdout).toBe(
      '2026-11-02 10:00:02  out  12015550123      text         third [failed]\n' + '2026-11-02 10:00:01  out  12015550123      template     order_update · Ana [failed]\n' + '2 of 2\n',
    )
    const json = JSON.parse(run(['--messages', 'sent', '--template', 'order_update', '--json']).stdout) as { total: number; messages: { wamid: string }[] }
    expect(json).toMatchObject({ total: 1, messages: [{ wamid: 'wamid.b' }] })
    expect(run(['--messages', 'sent', '--limit', '1']).stdout).toMatch(/third \[failed\]\n1 of 3\n$/)
    const none = run(['--messages', 'failed', '--code', 'none'])
    expect([none.status, none.stdout, none.stderr]).toEqual([0, '', 'No messages.\n'])

    expect(run(['--messages', 'opened']).stderr).toContain('--messages takes sent, delivered, read, failed')
    expect(run(['--messages', 'read', '--code', '131026']).stderr).toContain('--code goes with --messages failed')
    expect(run(['--messages', 'failed', '--code', 'x']).stderr).toContain('--code takes')
    expect(run(['--template', 'order_update']).stderr).toContain('--template goes with --messages')
    expect(run(['--messages', 'sent', '--bucket', 'day']).status).toBe(2)
  })
})
