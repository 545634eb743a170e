import { readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
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

  it('prints what customers and strangers wrote without letting the terminal interpret it', async () => {
    const dir = tempDir()
    const other = await webhookHarness({ dataDir: dir })
    const escape = '\u001b]0;owned\u0007\u001b[2J'
    await other.post(inbound('4917600000009', 'Mallory', { type: 'text', text: { body: `hi${escape}\u202eevil` } }))
    await fetch(`${other.url}?hub.mode=${encodeURIComponent(`sub${escape}`)}&hub.verify_token=x&hub.challenge=1`)
    await other.close()
    for (const args of [['messages'], ['messages', '--json'], ['webhook', 'requests'], ['webhook', 'requests', '--json']]) {
      const printed = runBuiltCli([...args, '--data-dir', dir])
      expect(printed.status, args.join(' ')).toBe(0)
      // eslint-disable-next-line no-control-regex -- no raw escape, bell or override may reach the terminal
      expect(printed.stdout, args.join(' ')).not.toMatch(/[\u001b\u0007\u202e]/)
    }
    expect(runBuiltCli(['messages', '--data-dir', dir]).stdout).toContain('hi\\u001b]0;owned\\u0007\\u001b[2J\\u202eevil')
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
    expect(lines[0]).toBe('time,direction,contact,type,text,status,wamid,reply_to,phone,user_id,username,edited_at,deleted_at,media_id,media_file')
    expect(lines[1]).toContain('"First, with a comma, and ""quotes"""')
    expect(lines[2]).toContain(`"'=SUM(A1:A9) is not a formula here"`)
    expect(cli('messages', 'export', '--format', 'xml').status).toBe(2)
  })

  it('exports to a new file only, 0600; never through a symbolic link, never over a file without --force', () => {
    const dir = tempDir()
    const file = join(dir, 'messages.jsonl')
    expect(cli('messages', 'export', '--output', file).status).toBe(0)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const again = cli('messages', 'export', '--output', file)
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('exists: add --force')
    expect(cli('messages', 'export', '--output', file, '--force').status).toBe(0)
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(3)

    const precious = join(dir, 'precious.txt')
    writeFileSync(precious, 'do not touch')
    symlinkSync(precious, join(dir, 'link.jsonl'))
    for (const args of [[], ['--force']]) {
      const viaLink = cli('messages', 'export', '--output', join(dir, 'link.jsonl'), ...args)
      expect(viaLink.status).toBe(1)
      expect(viaLink.stderr).toContain('is a symbolic link')
    }
    expect(readFileSync(precious, 'utf8')).toBe('do not touch')
  })

  it('lists webhook requests with verdicts, and filters them', () => {
    const all = JSON.parse(cli('webhook', 'requests', '--json').stdout) as { verdict: string; reason: string | null }[]
    expect(all.map((r) => r.verdict)).toEqual(['rejected', 'accepted', 'accepted', 'accepted'])
    expect(all[0]!.reason).toContain('not sha256= and 64 hex digits')
    const text = cli('webhook', 'requests', '--verdict', 'rejected')
    expect(text.stdout.trim().split('\n')).toHaveLength(1)
    expect(text.stdout).toContain('401  rejected')
    expect(cli('webhook', 'requests', '--verdict', 'nope').status).toBe(2)
  })
})
