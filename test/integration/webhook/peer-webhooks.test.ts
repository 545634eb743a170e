import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fieldsOf, itemsOf, loadPeerWebhooks } from '../../support/peer-webhooks'
import { webhookHarness, type WebhookHarness } from '../../support/webhook'

/**
 * Every real webhook body other projects captured from Meta, posted signed: each is accepted,
 * each message is stored once as its type under its sender (phone number or BSUID), each status
 * is applied, and every other field is kept.
 */
const peers = loadPeerWebhooks()

type Row = Record<string, unknown>

describe.skipIf(peers.skipReason !== null)(`real webhook bodies${peers.skipReason ? ` (skipped: ${peers.skipReason})` : ''}`, () => {
  let hook: WebhookHarness
  let afterFirstPass: Row
  const rows = (sql: string, ...args: (string | number)[]) => hook.core.store.db.prepare(sql).all(...args) as Row[]
  const counts = () =>
    rows(
      `SELECT (SELECT COUNT(*) FROM messages) AS messages, (SELECT COUNT(*) FROM statuses) AS statuses,
              (SELECT COUNT(*) FROM webhook_events) AS events, (SELECT COUNT(*) FROM contacts) AS contacts, (SELECT SUM(unread) FROM contacts) AS unread`,
    )[0]!

  beforeAll(async () => {
    hook = await webhookHarness()
    for (const { body } of peers.bodies) await hook.post(body)
    afterFirstPass = counts()
  })
  afterAll(() => hook.close())

  it('holds all 129 of them', () => {
    expect(peers.bodies.length).toBe(129)
  })

  it('answers 200 to each, signed with the app secret', async () => {
    const refused: string[] = []
    for (const { file, body } of peers.bodies) {
      // Posted again: a redelivery must be accepted too, and change nothing (checked below).
      const { status } = await hook.post(body)
      if (status !== 200) refused.push(`${file}: ${status}`)
    }
    expect(refused).toEqual([])
  })

  it('stores each inbound message once, as its type, in the conversation of its sender', () => {
    const problems: string[] = []
    for (const { file, body } of peers.bodies) {
      for (const { item, value } of itemsOf(body, 'messages')) {
        const stored = rows('SELECT direction, type, contact, target_wamid FROM messages WHERE wamid = ?', String(item.id))
        if (stored.length !== 1) {
          problems.push(`${file}: ${String(item.id)} stored ${stored.length} times`)
          continue
        }
        const row = stored[0]!
        if (row.type !== (item.type ?? 'unknown') || row.direction !== 'in') problems.push(`${file}: stored as ${String(row.direction)} ${String(row.type)}`)
        const contacts = (value.contacts as Row[] | undefined) ?? []
        const sender = [item.from, item.from_user_id, ...contacts.flatMap((c) => [c.wa_id, c.user_id])].filter((id): id is string => typeof id === 'string')
        const aliases = rows('SELECT alias FROM contact_aliases WHERE contact = ?', String(row.contact)).map((a) => a.alias)
        if (!sender.some((id) => aliases.includes(id))) problems.push(`${file}: filed under ${String(row.contact)}, not under the sender (${sender.join(', ')})`)
      }
    }
    expect(problems).toEqual([])
  })

  it('shows messages sent from the WhatsApp Business app as outbound in the customer’s thread', () => {
    const echoes = peers.bodies.flatMap(({ file, body }) => itemsOf(body, 'message_echoes').map(({ item }) => ({ file, item })))
    expect(echoes.length).toBeGreaterThan(0)
    for (const { file, item } of echoes) {
      const [row] = rows("SELECT direction, origin, type FROM messages WHERE wamid = ?", String(item.id))
      expect(row, file).toMatchObject({ direction: 'out', origin: 'business_app', type: item.type })
    }
  })

  it('applies each status to its message, and keeps its timeline', () => {
    const problems: string[] = []
    for (const { file, body } of peers.bodies) {
      for (const { field, item } of itemsOf(body, 'statuses')) {
        if (field !== 'messages') continue
        const timeline = rows('SELECT status FROM statuses WHERE wamid = ? AND status = ?', String(item.id), String(item.status))
        if (timeline.length !== 1) problems.push(`${file}: ${String(item.status)} stored ${timeline.length} times`)
        const [message] = rows('SELECT status, status_rank FROM messages WHERE wamid = ?', String(item.id))
        if (!message) problems.push(`${file}: no message row for the status of ${String(item.id)}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('keeps every other field whole, with its name', () => {
    const kept = new Set(rows('SELECT DISTINCT field FROM webhook_events').map((r) => r.field))
    const other = new Set(peers.bodies.flatMap(({ body }) => fieldsOf(body)).filter((field) => field !== 'messages' && field !== 'smb_message_echoes'))
    expect([...other].filter((field) => !kept.has(field))).toEqual([])
    for (const { file, body } of peers.bodies) {
      for (const entry of (body.entry as Row[]) ?? []) {
        for (const change of (entry.changes as Row[]) ?? []) {
          if (change.field === 'messages' || change.field === 'smb_message_echoes') continue
          const stored = rows('SELECT payload FROM webhook_events WHERE field = ? AND payload = ?', String(change.field), JSON.stringify(change.value))
          expect(stored, `${file}: ${String(change.field)}`).toHaveLength(1)
        }
      }
    }
  })

  it('changes nothing when the same bodies come again (Meta retries)', () => {
    // One body carries two messages with the same id: stored once, as Meta's ids are unique.
    const ids = new Set(peers.bodies.flatMap(({ body }) => [...itemsOf(body, 'messages'), ...itemsOf(body, 'message_echoes')].map(({ item }) => String(item.id))))
    const [count] = rows('SELECT COUNT(*) AS n FROM messages WHERE direction = ? OR origin IS NOT NULL', 'in')
    expect(count!.n).toBe(ids.size)
    expect(counts()).toEqual(afterFirstPass)
  })
})
