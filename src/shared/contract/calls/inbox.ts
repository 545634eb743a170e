import { z } from 'zod'
import { noInput } from '../../schemas'
import { call } from '../define'
import { messageContent, messageError, messageOrigin, messageStatuses, messageTypes, statusConversation, statusPricing } from '../message-content'

export const messageView = z.object({
  id: z.number().int(),
  wamid: z.string(),
  direction: z.enum(['in', 'out']),
  /** The conversation's key (see `conversationView.key`). */
  contact: z.string(),
  type: z.enum(messageTypes),
  /** One line to show and search by (the text, a caption, a file name, a place …). */
  text: z.string().nullable(),
  /** What the message says, typed: render from this. */
  content: messageContent,
  /** Forwarded, about a product, in answer to an ad. */
  about: messageOrigin,
  /** The message object exactly as Meta (or the composer) described it: for the raw view and exports. */
  payload: z.unknown(),
  contextWamid: z.string().nullable(),
  timestamp: z.number().int(),
  status: z.enum(messageStatuses).nullable(),
  statusAt: z.number().int().nullable(),
  /** Meta's `errors` array as it came (raw); `errorDetails` is the same, readable. */
  errors: z.unknown(),
  errorDetails: z.array(messageError),
  /** One line on what to do about the first error (e.g. 131047: send a template), when there is one. */
  hint: z.string().nullable(),
  requestId: z.number().int().nullable(),
  /** When the sender last edited it; `revisions` holds the earlier texts, oldest first. */
  editedAt: z.number().int().nullable(),
  revisions: z.array(z.object({ text: z.string().nullable(), at: z.number().int() })),
  /** When the sender deleted it (its text is kept here). */
  revokedAt: z.number().int().nullable(),
  /** `business_app`: sent from the WhatsApp Business app on a coexistence number, not through the API. */
  origin: z.enum(['business_app']).nullable(),
})
export type MessageView = z.infer<typeof messageView>

/**
 * A customer: a phone number, a business-scoped user ID (BSUID, for username users who may hide
 * their number), or both. `key` is the conversation's stable key: the identifier it started with.
 */
export const contactView = z.object({
  key: z.string(),
  name: z.string().nullable(),
  /** The phone number's digits (a WhatsApp ID), when Meta shared it. */
  phone: z.string().nullable(),
  /** The customer's current BSUID, e.g. `US.13491208655302741918`. */
  userId: z.string().nullable(),
  username: z.string().nullable(),
  /** `stop` when the customer asked to stop marketing messages (a marketing template then fails with 131050). */
  marketing: z.enum(['stop', 'resume']).nullable(),
  marketingAt: z.number().int().nullable(),
  unread: z.number().int(),
  lastInboundAt: z.number().int().nullable(),
  lastAt: z.number().int(),
})
export type ContactView = z.infer<typeof contactView>

export const conversationView = contactView.extend({
  lastText: z.string().nullable(),
  lastType: z.enum(messageTypes).nullable(),
  lastDirection: z.enum(['in', 'out']).nullable(),
  lastStatus: z.enum(messageStatuses).nullable(),
})
export type ConversationView = z.infer<typeof conversationView>

export const noticeView = z.object({
  id: z.number().int(),
  field: z.string(),
  summary: z.string().nullable(),
  level: z.enum(['warning', 'info']),
  receivedAt: z.number().int(),
})
export type NoticeView = z.infer<typeof noticeView>

/** A conversation's key: a phone number's digits or a BSUID, as Meta sent it. */
export const contactKey = z.string().trim().min(1).max(160).regex(/^[^\s\p{Cc}]+$/u, 'A phone number (digits) or a business-scoped user ID')
const limit = z.number().int().min(1).max(500)

export const inboxCalls = {
  'inbox.conversations': call({
    summary: 'Conversations of the active profile, most recent first, keyset-paged',
    input: z.strictObject({ limit, after: z.strictObject({ lastAt: z.number().int(), key: z.string().max(160) }).optional() }),
    result: z.object({ items: z.array(conversationView), total: z.number().int() }),
  }),
  'inbox.thread': call({
    summary: 'One conversation\'s messages, newest first, keyset-paged',
    input: z.strictObject({ contact: contactKey, limit, before: z.strictObject({ timestamp: z.number().int(), id: z.number().int() }).optional() }),
    result: z.object({ contact: contactView.nullable(), messages: z.array(messageView) }),
  }),
  'inbox.recent': call({
    summary: 'The newest messages of the active profile across all conversations',
    input: z.strictObject({ limit }),
    result: z.object({ messages: z.array(messageView) }),
  }),
  'inbox.search': call({
    summary: 'Full-text search over every message of the active profile, and the customers whose name, number, username or BSUID match',
    input: z.strictObject({ query: z.string().trim().min(1).max(200), limit, offset: z.number().int().min(0).max(100_000).optional() }),
    result: z.object({
      hits: z.array(z.object({ message: messageView, snippet: z.string(), contactName: z.string().nullable() })),
      /** Customers matching the query (first page only). */
      contacts: z.array(conversationView),
    }),
  }),
  'inbox.statuses': call({
    summary: 'The status timeline of one message (every webhook that reported on it)',
    input: z.strictObject({ wamid: z.string().min(1).max(200) }),
    result: z.object({
      statuses: z.array(
        z.object({
          status: z.enum(messageStatuses),
          timestamp: z.number().int(),
          errors: z.unknown(),
          errorDetails: z.array(messageError),
          pricing: statusPricing.nullable(),
          conversation: statusConversation.nullable(),
        }),
      ),
    }),
  }),
  'inbox.markRead': call({
    summary: 'Clear a conversation\'s unread counter; with composer.settings readReceiptsOnOpen, the customer also sees it read and "typing…"',
    input: z.strictObject({ contact: contactKey }),
    result: z.object({ contact: z.string() }),
  }),
  'inbox.export': call({
    summary: 'Write every message of the active profile to a file in the data directory',
    input: z.strictObject({ format: z.enum(['jsonl', 'csv']) }),
    result: z.object({ path: z.string(), count: z.number().int() }),
  }),
  'inbox.exportPage': call({
    summary: 'Every message of the active profile as export lines, oldest first, one page at a time (the command line streams them)',
    input: z.strictObject({
      format: z.enum(['jsonl', 'csv']),
      /** Where the previous page ended; absent for the first page (which starts with the CSV header). */
      after: z.strictObject({ timestamp: z.number().int(), id: z.number().int() }).optional(),
      limit: z.number().int().min(1).max(5000),
    }),
    result: z.object({ lines: z.array(z.string()), messages: z.number().int(), next: z.object({ timestamp: z.number().int(), id: z.number().int() }).nullable() }),
  }),
  'inbox.notices': call({
    summary: 'What Meta said about the account, its numbers and templates (template status and quality, number quality, account updates), newest first',
    input: z.strictObject({ limit }),
    result: z.object({ items: z.array(noticeView) }),
  }),
  'inbox.stats': call({
    summary: 'Counts for the status bar and the live counter',
    input: noInput,
    result: z.object({ messages: z.number().int(), conversations: z.number().int(), requests: z.number().int(), receivedThisSession: z.number().int() }),
  }),
}
