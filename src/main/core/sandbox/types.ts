import type { Clock } from '../clock'
import type { Logger, Redactor } from '../log'
import type { CustomerSendInput, CustomerView, InboundKind } from './customers'
import type { CustomerMediaKind } from './media'
import type { SandboxEnvName } from './sandbox-env'
import type { TokenKind } from './state'
import type { CallbackAllowance, DeliveryReport, MarketingPreference } from './webhooks'

export interface SandboxOptions {
  /** State persists in `<dataDir>/sandbox/state.json`. */
  dataDir: string
  /** All expiry, delays and rate windows use it (a `ManualClock` in tests). */
  clock: Clock
  /** Deterministic ids, customers and delays. Applies when the state is first created. */
  seed?: number
  /** Above 1, simulated delays (statuses, replies, retries, batching) pass faster; default 1. */
  speed?: number
  /** 0 (default) picks a free port; the server binds 127.0.0.1 only. */
  port?: number
  /** Lifetime of expiring system-user tokens; default 300 s so expiry and refresh show in a demo. */
  tokenLifetimeSeconds?: number
  /** Per phone number; above it a send fails with 130429. Default 80 (Meta's default throughput). */
  messagesPerSecond?: number
  /** Messages to one recipient in a burst before 131056; refills one per 6 s. Default 45, as on Meta. */
  pairBurst?: number
  /** Simulated customers replying and starting conversations; default on. */
  customers?: boolean
  /** Out-of-order, duplicated and batched webhooks, `read` without `delivered`; default on. */
  quirks?: boolean
  log?: Logger
  /** Registers the sandbox's app secret, verify token and control key so logs mask them. */
  redactor?: Redactor
  /**
   * Callback URLs other than loopback ones that registrations may verify (the handshake fetches
   * them): the running tunnel's. Default: loopback only.
   */
  allowCallback?: CallbackAllowance
}

export interface IssuedToken {
  token: string
  /** Epoch seconds; 0 = never. */
  expiresAt: number
}

export interface Sandbox {
  /** `http://127.0.0.1:<port>`: the Graph base without version. */
  readonly url: string
  /** This run's key for `/_sandbox/…`, sent in the `x-sandbox-control-key` header. New on every start. */
  readonly controlKey: string
  readonly app: { id: string; secret: string }
  readonly wabaId: string
  readonly phoneNumbers: { id: string; display: string }[]
  readonly systemUserId: string
  /** A never-expiring admin system-user token, usable for `POST /{system-user-id}/access_tokens`. */
  readonly adminToken: string
  /** Suggested verify token for the sandbox profile. */
  readonly verifyToken: string
  issueToken(kind: TokenKind): IssuedToken
  /** The sandbox profile's token: created on first start, persisted, follows its own refreshes. */
  currentToken(): string
  env(): Record<SandboxEnvName, string>
  readonly customers: {
    /** A customer writes in; `from` is a phone number or a BSUID (see CustomerSendInput). */
    send(input?: CustomerSendInput): Promise<{ wamid: string }>
    /** Every customer, with the phone only where the business has it on record. */
    list(): SandboxCustomer[]
    /** `from` (phone number or BSUID) stops or resumes marketing messages: a `user_preferences` webhook follows. */
    setMarketingPreference(from: string, value: MarketingPreference, phoneNumberId?: string): Promise<void>
    /**
     * Media a customer can then send (`send({ mediaId })`), held 7 days by the business number (the
     * first unless given): the kind's sample file, or exactly `bytes` pseudo-random bytes.
     */
    createMedia(input: { kind: CustomerMediaKind; bytes?: number; phoneNumberId?: string }): Promise<SandboxMedia>
    start(): void
    stop(): void
    readonly running: boolean
  }
  /** The app setting "Require App Secret": user and system-user calls without `appsecret_proof` are refused. Persisted; default off. */
  readonly requireAppSecret: boolean
  setRequireAppSecret(on: boolean): void
  revokeToken(token: string): void
  /** Every webhook delivery attempt's outcome (for the UI's traffic view and for tests). */
  onDelivery(listener: (report: DeliveryReport) => void): () => void
  /** Resolves when no webhook POST or verification request is in flight. */
  whenIdle(): Promise<void>
  /** Stops timers and pending deliveries and writes the state. */
  close(): Promise<void>
}

export type SandboxCustomer = CustomerView

export interface SandboxMedia {
  id: string
  mimeType: string
  fileSize: number
  /** Lowercase hex, as `GET /{media-id}` gives it (webhooks carry base64). */
  sha256: string
}

export type { CustomerSendInput, CustomerMediaKind, InboundKind, MarketingPreference, TokenKind, DeliveryReport, SandboxEnvName, CallbackAllowance }
