import type { MessageRow } from '../store'

const csvColumns = ['time', 'direction', 'contact', 'type', 'text', 'status', 'wamid', 'reply_to'] as const

function csvCell(value: string | null): string {
  if (value === null) return ''
  // A leading = + - @ would run as a formula in a spreadsheet: neutralise it (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** One line per message: JSON Lines keeps everything; CSV keeps what a spreadsheet needs. */
export function* exportLines(messages: Iterable<MessageRow>, format: 'jsonl' | 'csv'): Generator<string> {
  if (format === 'csv') yield csvColumns.join(',')
  for (const m of messages) {
    if (format === 'jsonl') {
      yield JSON.stringify({
        wamid: m.wamid,
        direction: m.direction,
        contact: m.contact,
        type: m.type,
        text: m.text,
        timestamp: new Date(m.timestamp).toISOString(),
        status: m.status,
        replyTo: m.contextWamid,
        errors: m.errors,
        payload: m.payload,
      })
    } else {
      yield [new Date(m.timestamp).toISOString(), m.direction, m.contact, m.type, m.text, m.status, m.wamid, m.contextWamid].map(csvCell).join(',')
    }
  }
}
