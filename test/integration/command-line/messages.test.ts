import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runBuiltCli } from '../../support/cli'
import { tempDir } from '../../support/temp'
import { inbound } from '../../support/webhook-payloads'
import { webhookHarness, type WebhookHarness } from '../../support/webhook'

describe('switchboard messages / webhook requests', () => {
  let hook: WebhookHarness
  let dataDir: string
  const customer = '4917600000001'

  beforeAll(async () => {
    dataDir = tempDir()
    hook = await webhookHarness({ dataDir })
    await hook.post(inbound(customer, 'Ada', { type: 'text', text: { body: 'First, with a comma, and "quotes"' } }, Date.UTC(2026, 0, 1, 9)))
    await hook.post(inbound(customer, 'Ada', { type: 'text', text: { body: '=SUM(A1:A9) is not a formula here' } }, Date.UTC(2026, 0, 1, 10)))
    await hook.post(inbound('4917600000002', 'Bob', { type: 'location', location: { latitude: 1, longitude: 2, name: 'Dock 4' } }, Date.UTC(2026, 0, 1, 11)))
    await hook.post({ object: 'whatsapp_business_account', entry: [] }, { signature: 'sha256=bad' })
    await hook.close()
  })

  const cli = (...args: string[]) => runBuiltCli([...args, '--data-dir', dataDir])

  it('lists the newest messages, oldest first, as text and JSON', () => {
    const text = cli('messages')
    expect(text.status).toBe(0)
    const lines = text.stdout.trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^2026-01-01 09:00:00 {2}in {3}4917600000001 +text +First, with a comma/)
    expect(lines[2]).toContain('Dock 4')
    const json = JSON.parse(cli('messages', '--json', '--limit', '2').stdout) as { text: string }[]
    expect(json.map((m) => m.text)).toEqual(['=SUM(A1:A9) is not a formula here', 'Dock 4'])
  })

  it('filters by contact and searches', () => {
    expect(JSON.parse(cli('messages', '--json', '--contact', customer).stdout)).toHaveLength(2)
    const hits = JSON.parse(cli('messages', '--json', '--search', 'dock').stdout) as { contact: string }[]
    expect(hits.map((m) => m.contact)).toEqual(['4917600000002'])
    expect(cli('messages', '--search', 'x', '--contact', customer).status).toBe(2)
  })

  it('exports JSON Lines and CSV (spreadsheet-safe)', () => {
    const jsonl = cli('messages', 'export', '--format', 'jsonl')
    expect(jsonl.status).toBe(0)
    const rows = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l) as { text: string; direction: string })
    expect(rows).toHaveLength(3)
    expect(rows[0]).toMatchObject({ direction: 'in', text: 'First, with a comma, and "quotes"' })
    const file = join(tempDir(), 'out.csv')
    const csv = cli('messages', 'export', '--format', 'csv', '--output', file)
    expect(csv.stderr).toContain('Wrote 3 messages')
    const lines = readFileSync(file, 'utf8').trim().split('\n')
    expect(lines[0]).toBe('time,direction,contact,type,text,status,wamid,reply_to,phone,user_id,username,edited_at,deleted_at')
    expect(lines[1]).toContain('"First, with a comma, and ""quotes"""')
    expect(lines[2]).toContain(`"'=SUM(A1:A9) is not a formula here"`)
    expect(cli('messages', 'export', '--format', 'xml').status).toBe(2)
  })

  it('lists webhook requests with verdicts, and filters them', () => {
    const all = JSON.parse(cli('webhook', 'requests', '--json').stdout) as { verdict: string; reason: string | null }[]
    expect(all.map((r) => r.verdict)).toEqual(['rejected', 'accepted', 'accepted', 'accepted'])
    expect(all[0]!.reason).toContain('does not match')
    const text = cli('webhook', 'requests', '--verdict', 'rejected')
    expect(text.stdout.trim().split('\n')).toHaveLength(1)
    expect(text.stdout).toContain('401  rejected')
    expect(cli('webhook', 'requests', '--verdict', 'nope').status).toBe(2)
  })
})
