/** `user_temporary`: the 24-hour token API Setup shows; `user_short`: a login token of an hour or two. */
export type TokenKind = 'system_user_expiring' | 'system_user_never' | 'user_short' | 'user_temporary' | 'user_long' | 'app'
export type TokenType = 'SYSTEM_USER' | 'USER' | 'APP'

export interface TokenRecord {
  token: string
  kind: TokenKind
  type: TokenType
  /** Epoch seconds. */
  issuedAt: number
  /** Epoch seconds; 0 = never. */
  expiresAt: number
  /** Epoch seconds; 0 = never. */
  dataAccessExpiresAt: number
  scopes: string[]
  userId: string
  /** The system user's admin token may mint new system-user tokens. */
  admin?: boolean
  revoked?: boolean
}

export interface PhoneNumberState {
  id: string
  /** As Meta shows it on the phone-number node, e.g. `+1 555-013-4821`. */
  display: string
  /** As Meta puts it in webhook metadata: digits only. */
  digits: string
  verifiedName: string
  overrideCallbackUri: string | null
  overrideVerifyToken: string | null
}

export interface AppSubscriptionState {
  callbackUrl: string
  verifyToken: string
  fields: { name: string; version: string }[]
}

export interface CustomerState {
  /** The sandbox's own handle on this person; never sent (Meta's identifiers change with the phone number). */
  key: string
  /** The customer's phone number (digits). The sandbox always knows it; the business may not. */
  waId: string
  /** Business-scoped user ID: `<country of the phone>.<digits>`; a new one comes with a new phone number. */
  userId: string
  /** `@handle` for username users, whose phone is withheld unless `phoneOnRecord`; null for plain users. */
  username: string | null
  /** The business has the phone (it sent to it with `to`); always true for plain users. */
  phoneOnRecord: boolean
  /** The customer chose to stop marketing messages from this business. */
  marketingStopped: boolean
  name: string
  /** Epoch ms of the customer's last message to the business; opens the 24-hour window. */
  lastInboundAt: number | null
}

export interface MessageRecord {
  id: string
  direction: 'in' | 'out'
  /** The customer's `key`; null for a recipient the sandbox does not know (no WhatsApp user behind it). */
  customerKey: string | null
  phoneNumberId: string
  type: string
  /** Epoch ms. */
  at: number
  /** Template name, for quick-reply `button` replies. */
  template?: string
  /** Reply options the operator offered (interactive buttons/list rows, template quick replies). */
  options?: { id: string; title: string; description?: string }[]
  interactiveType?: string
}

/** Who put a media file on the sandbox: a customer (in a webhook) or the business (an upload). */
export type MediaOrigin = 'customer' | 'business'

export interface MediaRecord {
  /** Graph's media id: digits. */
  id: string
  /** The business number the media belongs to (it received it, or uploaded it). */
  phoneNumberId: string
  origin: MediaOrigin
  /** As given by the uploader, or as the customer's WhatsApp sends it (`audio/ogg; codecs=opus`). */
  mimeType: string
  /** Lowercase hex SHA-256 of the file. */
  sha256: string
  fileSize: number
  /** Epoch ms. */
  createdAt: number
  /** Epoch ms after which the media is gone (7 days for customers' media, 30 for uploads). */
  expiresAt: number
  /** The message kind a customer sent it as (image, voice, sticker…); absent for uploads. */
  kind?: string
  filename?: string
  /** An animated WebP (its VP8X header says so): stickers up to 500 KB instead of 100 KB. */
  animated?: boolean
}

export interface AppState {
  id: string
  secret: string
  name: string
  /** The app setting "Require App Secret": user and system-user calls must carry `appsecret_proof`. */
  requireAppSecret: boolean
}

export interface SandboxState {
  version: 2
  rng: number
  app: AppState
  waba: { id: string; name: string; subscribed: boolean; overrideCallbackUri: string | null; overrideVerifyToken: string | null }
  phoneNumbers: PhoneNumberState[]
  systemUserId: string
  /** The Meta user behind user tokens (the app's developer). */
  developerUserId: string
  adminToken: string
  /** The token the sandbox profile uses; follows `fb_exchange_token` refreshes of itself. */
  profileToken: string
  verifyToken: string
  appSubscription: AppSubscriptionState | null
  tokens: Record<string, TokenRecord>
  customers: CustomerState[]
  /** Recent messages in both directions (capped), for replies, reactions and mark-as-read. */
  messages: MessageRecord[]
  /** Media the sandbox holds, until each expires or is deleted; the files live in `<dataDir>/sandbox/media/`. */
  media: MediaRecord[]
}

/** A version-2 file as written before the sandbox held media. */
export type SandboxStateWithoutMedia = Omit<SandboxState, 'media'> & { media?: MediaRecord[] }

/** A state file as version 1 wrote it: customers known by phone only, messages by phone. */
export interface SandboxStateV1 extends Omit<SandboxState, 'version' | 'app' | 'customers' | 'messages' | 'media'> {
  version: 1
  app: Omit<AppState, 'requireAppSecret'>
  customers: { waId: string; name: string; lastInboundAt: number | null }[]
  messages: (Omit<MessageRecord, 'customerKey'> & { waId: string })[]
}

export type StoredState = SandboxStateWithoutMedia | SandboxStateV1
