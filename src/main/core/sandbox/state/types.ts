export type TokenKind = 'system_user_expiring' | 'system_user_never' | 'user_short' | 'user_long' | 'app'
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
  waId: string
  name: string
  /** Epoch ms of the customer's last message to the business; opens the 24-hour window. */
  lastInboundAt: number | null
}

export interface MessageRecord {
  id: string
  direction: 'in' | 'out'
  waId: string
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

export interface SandboxState {
  version: 1
  rng: number
  app: { id: string; secret: string; name: string }
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
}
