import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ActiveProfile } from '../active-profile'
import type { CoreContext } from '../context'
import type { Handlers } from '../dispatch'
import type { Store } from '../store'
import { NOTICE_FIELDS, noticeLevel, type WebhookService } from '../webhook'
import { exportHeader, exportLine } from './export'
import { conversationView, messageView, statusView } from './message-view'

type InboxCalls =
  | 'inbox.conversations'
  | 'inbox.thread'
  | 'inbox.recent'
  | 'inbox.search'
  | 'inbox.statuses'
  | 'inbox.markRead'
  | 'inbox.export'
  | 'inbox.exportPage'
  | 'inbox.notices'
  | 'inbox.stats'

/**
 * `onOpened`: the operator opened a conversation and read what was unread (the composer may tell
 * the customer so).
 */
export function inboxHandlers(ctx: CoreContext, store: Store, active: ActiveProfile, webhook: WebhookService, onOpened: (contact: string) => Promise<void>): Pick<Handlers, InboxCalls> {
  /** '' holds what arrived while no profile was active. */
  const profileId = () => active.snapshot().profile?.id ?? ''
  /** A conversation's key from its key, or from any phone number or BSUID it is known by. */
  const keyOf = (identifier: string) => store.inbox.contactKeyOf(profileId(), identifier) ?? identifier
  return {
    'inbox.conversations': ({ limit, after }) => ({
      items: store.inbox.conversations(profileId(), limit, after).map(conversationView),
      total: store.inbox.conversationCount(profileId()),
    }),
    'inbox.thread': ({ contact, limit, before }) => {
      const key = keyOf(contact)
      return { contact: store.inbox.contact(profileId(), key) ?? null, messages: store.inbox.thread(profileId(), key, limit, before).map(messageView) }
    },
    'inbox.recent': ({ limit }) => ({ messages: store.inbox.recent(profileId(), limit).map(messageView) }),
    'inbox.search': ({ query, limit, offset }) => ({
      hits: store.inbox.search(profileId(), query, limit, offset ?? 0).map((hit) => ({ ...hit, message: messageView(hit.message) })),
      contacts: offset ? [] : store.inbox.conversationsMatching(profileId(), query, Math.min(limit, 20)).map(conversationView),
    }),
    'inbox.statuses': ({ wamid }) => ({ statuses: store.inbox.statuses(wamid).map(statusView) }),
    'inbox.markRead': async ({ contact }) => {
      const key = keyOf(contact)
      store.inbox.markRead(profileId(), key)
      await onOpened(key)
      return { contact: key }
    },
    'inbox.export': ({ format }) => {
      const dir = join(ctx.config.dataDir, 'exports')
      mkdirSync(dir, { recursive: true, mode: 0o700 })
      const name = active.snapshot().profile?.name.replace(/[^A-Za-z0-9_.-]+/g, '-') ?? 'no-profile'
      const path = join(dir, `messages-${name}-${new Date(ctx.clock.now()).toISOString().replace(/[:.]/g, '-')}.${format}`)
      const header = exportHeader(format)
      const lines = header === null ? [] : [header]
      let count = 0
      for (const row of store.inbox.allMessages(profileId())) {
        lines.push(exportLine(row, format))
        count++
      }
      writeFileSync(path, lines.join('\n') + '\n', { mode: 0o600 })
      return { path, count }
    },
    'inbox.exportPage': ({ format, after, limit }) => {
      const rows = store.inbox.exportPage(profileId(), limit, after)
      const header = after === undefined ? exportHeader(format) : null
      const last = rows[rows.length - 1]
      return {
        lines: [...(header === null ? [] : [header]), ...rows.map((row) => exportLine(row, format))],
        messages: rows.length,
        next: last && rows.length === limit ? { timestamp: last.timestamp, id: last.id } : null,
      }
    },
    'inbox.notices': ({ limit }) => ({
      items: store.inbox.events(profileId(), NOTICE_FIELDS, limit).map(({ payload, ...event }) => ({ ...event, level: noticeLevel(event.field, (payload ?? {}) as Record<string, unknown>) })),
    }),
    'inbox.stats': () => ({ ...store.inbox.counts(profileId()), receivedThisSession: webhook.receivedThisSession }),
  }
}
