import type { ExportRow } from '../store'

/** Columns are appended, never reordered: spreadsheets and scripts read them by position. */
const csvColumns = ['time', 'direction', 'contact', 'type', 'text', 'status', 'wamid', 'reply_to', 'phone', 'user_id', 'username', 'edited_at', 'deleted_at', 'media_id', 'media_file'] as const

/** Where a stored media file is, relative to the data dir. */
const mediaFile = (content: string | null) => (content ? `media/${content.slice(0, 2)}/${content}` : null)

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString())

function csvCell(value: string | null): string {
  if (value === null) return ''
  // A leading = + - @ would run as a formula in a spreadsheet: neutralise it (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** The first line of an export: CSV's column names; JSON Lines has none. */
export const exportHeader = (format: 'jsonl' | 'csv'): string | null => (format === 'csv' ? csvColumns.join(',') : null)

/** One line per message: JSON Lines keeps everything; CSV keeps what a spreadsheet needs. */
export function exportLine(m: ExportRow, format: 'jsonl' | 'csv'): string {
  if (format === 'jsonl') {
    return JSON.stringify({
      wamid: m.wamid,
      direction: m.direction,
      contact: m.contact,
      type: m.type,
      text: m.text,
      timestamp: iso(m.timestamp),
      status: m.status,
      replyTo: m.contextWamid,
      errors: m.errors,
      payload: m.payload,
      contactPhone: m.contactPhone,
      contactUserId: m.contactUserId,
      contactUsername: m.contactUsername,
      editedAt: iso(m.editedAt),
      revisions: m.revisions,
      deletedAt: iso(m.revokedAt),
      origin: m.origin,
      media: m.media ? { id: m.media.id, state: m.media.state, file: mediaFile(m.media.content) } : null,
    })
  }
  const cells = [iso(m.timestamp), m.direction, m.contact, m.type, m.text, m.status, m.wamid, m.contextWamid, m.contactPhone, m.contactUserId, m.contactUsername, iso(m.editedAt), iso(m.revokedAt), m.media?.id ?? null, mediaFile(m.media?.content ?? null)]
  return cells.map(csvCell).join(',')
}
