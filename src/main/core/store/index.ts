export { Store } from './store'
export { DATABASE_FILE } from './database'
export { WalCheckpointer } from './wal-checkpointer'
export { WalSync } from './wal-sync'
export { migrate, schemaVersion } from './migrate'
export { migrations, type Migration } from './migrations'
export type { ProfileRow, ProfileKind, ProfileSettings } from './profiles-table'
export type { EnvSyncTarget } from './env-targets-table'
export {
  WebhookCapture,
  addChange,
  hasChange,
  noChange,
  type CapturedRequest,
  type CaptureResult,
  type IdentityChange,
  type InboxChange,
  type MarketingPreference,
  type PendingRequest,
  type ParsedMessage,
  type OtherEvent,
  type ParsedDelivery,
  type RequestVerdict,
  type SignatureState,
  type StatusUpdate,
} from './webhook-capture'
export type { ContactMerge, CustomerAddress, CustomerIdentity } from './contact-directory'
export {
  InboxQueries,
  ftsQuery,
  type ContactRow,
  type ConversationRow,
  type EventRow,
  type ExportRow,
  type MessageRow,
  type RequestDetailRow,
  type RequestSummaryRow,
  type SearchHit,
  type StatusRow,
} from './inbox-queries'
export type { RefreshLogEntry, RefreshOutcome, RefreshTrigger } from './refresh-log-table'
export type { OutboundRecord } from './outbound-table'
export type { RefusedSend } from './refused-sends-table'
export type { AnnouncedMedia, MediaKindName, MediaRow, MediaState, MediaUpdate, StoredContent } from './media-table'
export type {
  AttemptOutcome,
  DueJob,
  ForwardAttempt,
  ForwardCounts,
  ForwardJobKind,
  ForwardJobRow,
  ForwardJobState,
  ForwardTargetRow,
  ReplaySelection,
} from './forward-table'
