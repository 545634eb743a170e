import type { RefreshLogEntryView, TokenStatus } from '@shared/contract'
import { refreshLabel } from './day-strip'

export interface TimelineEvent {
  at: number
  kind: 'issued' | 'refresh' | 'next' | 'now' | 'expires'
  tone: 'ok' | 'danger' | 'muted' | 'accent'
  label: string
  /** Position on the line, 0 (issued) to 1 (expires). */
  x: number
}

/** A refresh that produced the current token is logged a moment around Meta's `issued_at` (whole seconds). */
const ISSUE_SLACK_MS = 60_000

/**
 * The current token's life on one line: issued, every refresh attempt since (and the one that
 * produced it), now, the next automatic refresh and the expiry. Null when the token has no known
 * end (never expires, or not inspected).
 */
export function tokenTimeline(status: TokenStatus, log: RefreshLogEntryView[], now: number): { start: number; end: number; events: TimelineEvent[] } | null {
  const inspection = status.inspection
  const end = inspection?.expiresAt ?? null
  if (!end) return null
  const start = Math.min(inspection?.issuedAt ?? now, now, end)
  const span = Math.max(1, end - start)
  const x = (at: number) => Math.max(0, Math.min(1, (at - start) / span))
  const events: TimelineEvent[] = []
  if (inspection?.issuedAt) events.push({ at: inspection.issuedAt, kind: 'issued', tone: 'accent', label: 'issued', x: 0 })
  for (const entry of log) {
    if (entry.at < start - ISSUE_SLACK_MS || entry.at > end) continue
    const tone = entry.outcome === 'success' ? 'ok' : entry.outcome === 'failure' ? 'danger' : 'muted'
    events.push({ at: entry.at, kind: 'refresh', tone, label: refreshLabel(entry.outcome, entry.errorCode), x: x(entry.at) })
  }
  if (status.nextRefreshAt && status.nextRefreshAt < end) events.push({ at: status.nextRefreshAt, kind: 'next', tone: 'muted', label: 'next automatic refresh', x: x(status.nextRefreshAt) })
  if (now < end) events.push({ at: now, kind: 'now', tone: 'accent', label: 'now', x: x(now) })
  events.push({ at: end, kind: 'expires', tone: now >= end ? 'danger' : 'muted', label: now >= end ? 'expired' : 'expires', x: 1 })
  events.sort((a, b) => a.at - b.at)
  return { start, end, events }
}
