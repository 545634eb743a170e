import type { ConversationView, MessageContent, MessageView } from '@shared/contract'
import { describeGraphError } from '../graph'
import { errorDetails, messageStatus, messageType, readContent, readConversation, readOrigin, readPricing } from '../message-content'
import type { ConversationRow, MessageRow, StatusRow } from '../store'

/** An edited message shows its latest words; the payload still holds the first ones. */
function latest(content: MessageContent, row: MessageRow): MessageContent {
  if (row.editedAt === null) return content
  if (content.kind === 'text') return { ...content, body: row.text ?? '' }
  if (content.kind === 'media' && content.media !== 'document') return { ...content, caption: row.text }
  return content
}

/** A stored message as the UI gets it: typed content, readable errors, and the operator hint for the first one. */
export function messageView(row: MessageRow): MessageView {
  const { phoneNumberId: _phoneNumberId, ...rest } = row
  const details = errorDetails(row.errors)
  const code = details[0]?.code ?? null
  return {
    ...rest,
    type: messageType(row.type),
    status: row.status === null ? null : messageStatus(row.status),
    content: latest(readContent(row.type, row.payload), row),
    about: readOrigin(row.payload),
    errorDetails: details,
    hint: code === null ? null : describeGraphError({ status: 200, code, subcode: null, isTransient: null, source: 'status' }).hint,
  }
}

export function conversationView(row: ConversationRow): ConversationView {
  return { ...row, lastType: row.lastType === null ? null : messageType(row.lastType), lastStatus: row.lastStatus === null ? null : messageStatus(row.lastStatus) }
}

export function statusView(row: StatusRow) {
  return { ...row, status: messageStatus(row.status), errorDetails: errorDetails(row.errors), pricing: readPricing(row.pricing), conversation: readConversation(row.conversation) }
}
