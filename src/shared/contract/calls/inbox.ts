import { z } from 'zod'
import { noInput } from '../../schemas'
import { call } from '../define'

export const messageView = z.object({
  id: z.number().int(),
  wamid: z.string(),
  direction: z.enum(['in', 'out']),
  contact: z.string(),
  type: z.string(),
  text: z.string().nullable(),
  /** The message object as Meta (or the composer) described it, for type-specific rendering. */
  payload: z.unknown(),
  contextWamid: z.string().nullable(),
  timestamp: z.number().int(),
  status: z.string().nullable(),
  statusAt: z.number().int().nullable(),
  errors: z.unknown(),
  /** One line on what to do about the first error (e.g. 131047: send a template), when there is one. */
  hint: z.string().nullable(),
  requestId: z.number().int().nullable(),
})
export type MessageView = z.infer<typeof messageView>

export const conversationView = z.object({
  waId: z.string(),
  name: z.string().nullable(),
  unread: z.number().int(),
  lastInboundAt: z.number().int().nullable(),
  lastAt: z.number().int(),
  lastText: z.string().nullable(),
  lastType: z.string().nullable(),
  lastDirection: z.enum(['in', 'out']).nullable(),
  lastStatus: z.string().nullable(),
})
export type ConversationView = z.infer<typeof conversationView>

const waId = z.string().regex(/^\d{5,20}$/, 'WhatsApp IDs are the digits of the phone number')
const limit = z.number().int().min(1).max(500)

export const inboxCalls = {
  'inbox.conversations': call({
    summary: 'Conversations of the active profile, most recent first, keyset-paged',
    input: z.strictObject({ limit, after: z.strictObject({ lastAt: z.number().int(), waId: z.string().max(20) }).optional() }),
    result: z.object({ items: z.array(conversationView), total: z.number().int() }),
  }),
  'inbox.thread': call({
    summary: 'One conversation\'s messages, newest first, keyset-paged',
    input: z.strictObject({ waId, limit, before: z.strictObject({ timestamp: z.number().int(), id: z.number().int() }).optional() }),
    result: z.object({ contact: conversationView.pick({ waId: true, name: true, unread: true, lastInboundAt: true, lastAt: true }).nullable(), messages: z.array(messageView) }),
  }),
  'inbox.recent': call({
    summary: 'The newest messages of the active profile across all conversations',
    input: z.strictObject({ limit }),
    result: z.object({ messages: z.array(messageView) }),
  }),
  'inbox.search': call({
    summary: 'Full-text search over every message of the active profile',
    input: z.strictObject({ query: z.string().trim().min(1).max(200), limit, offset: z.number().int().min(0).max(100_000).optional() }),
    result: z.object({
      hits: z.array(z.object({ message: messageView, snippet: z.string(), contactName: z.string().nullable() })),
    }),
  }),
  'inbox.statuses': call({
    summary: 'The status timeline of one message (every webhook that reported on it)',
    input: z.strictObject({ wamid: z.string().min(1).max(200) }),
    result: z.object({
      statuses: z.array(z.object({ status: z.string(), timestamp: z.number().int(), errors: z.unknown(), pricing: z.unknown(), conversation: z.unknown() })),
    }),
  }),
  'inbox.markRead': call({
    summary: 'Clear a conversation\'s unread counter (in Switchboard only)',
    input: z.strictObject({ waId }),
    result: z.object({ waId: z.string() }),
  }),
  'inbox.export': call({
    summary: 'Write every message of the active profile to a file in the data directory',
    input: z.strictObject({ format: z.enum(['jsonl', 'csv']) }),
    result: z.object({ path: z.string(), count: z.number().int() }),
  }),
  'inbox.stats': call({
    summary: 'Counts for the status bar and the live counter',
    input: noInput,
    result: z.object({ messages: z.number().int(), conversations: z.number().int(), requests: z.number().int(), receivedThisSession: z.number().int() }),
  }),
}
