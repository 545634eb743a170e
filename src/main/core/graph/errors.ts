import { SwitchboardError, type GraphErrorDetails } from '@shared/contract'
import type { GraphErrorBody } from './error-envelope'
import type { GraphErrorFacts, GraphErrorKind } from './error-facts'
import type { GraphExchange, GraphMethod } from './exchange'

/** Where a failed call was going; `url` is already redacted. */
export interface RequestIdentity {
  method: GraphMethod
  url: string
  /** Also sent as the `X-Switchboard-Request-Id` header. */
  requestId: string
}

export interface GraphErrorInit extends RequestIdentity {
  status: number
  /** Strings already redacted. */
  body: GraphErrorBody
  facts: GraphErrorFacts
  exchange?: GraphExchange
}

function label(code: number, subcode: number | null): string {
  if (code < 0) return 'no Graph error code'
  return `Graph error ${code}${subcode === null ? '' : `/${subcode}`}`
}

/**
 * Graph answered with an error. The error code is `token_expired` when the token no longer works
 * (190 with any subcode, 102, 0), so callers can block sending and ask for a new token without
 * parsing Graph codes; every other Graph answer is `graph`. The contract's `graph` details carry the
 * code and subcode either way.
 */
export class GraphError extends SwitchboardError implements GraphErrorFacts, RequestIdentity {
  /** The contract's view of this error (always present on a GraphError). */
  declare readonly graph: GraphErrorDetails
  readonly status: number
  /** Graph's numeric `code` (`code` itself is the Switchboard error code). -1: not a Graph error body. */
  readonly graphCode: number
  readonly subcode: number | null
  readonly type: string
  readonly graphMessage: string
  readonly fbtraceId: string | null
  readonly isTransient: boolean | null
  readonly userTitle: string | null
  readonly userMessage: string | null
  readonly errorData: unknown
  readonly details: string | null
  readonly unexpectedResponse: boolean

  readonly kind: GraphErrorKind
  readonly tokenExpired: boolean
  readonly tokenInvalid: boolean
  readonly tokenProblem: string | null
  readonly rateLimited: boolean
  readonly outsideWindow: boolean
  readonly templateError: boolean
  readonly permission: boolean
  readonly recipientNotOnWhatsApp: boolean
  readonly transient: boolean
  readonly hint: string

  readonly method: GraphMethod
  readonly url: string
  override readonly requestId: string
  override readonly exchange: GraphExchange | undefined

  constructor(init: GraphErrorInit) {
    const { body, facts } = init
    const said = body.details && !body.message.includes(body.details) ? `${body.message}: ${body.details}` : body.message
    const graph: GraphErrorDetails = {
      status: init.status,
      code: body.code,
      subcode: body.subcode,
      type: body.type,
      message: body.message,
      fbtraceId: body.fbtraceId,
      hint: facts.hint,
    }
    super({
      code: facts.tokenInvalid ? 'token_expired' : 'graph',
      message: `${said} (${label(body.code, body.subcode)}, HTTP ${init.status})`,
      // What to do is graph.hint; `fix` stays for conditions outside Graph's answer.
      graph,
      requestId: init.requestId,
      ...(init.exchange ? { exchange: init.exchange } : {}),
    })
    this.name = 'GraphError'
    this.status = init.status
    this.graphCode = body.code
    this.subcode = body.subcode
    this.type = body.type
    this.graphMessage = body.message
    this.fbtraceId = body.fbtraceId
    this.isTransient = body.isTransient
    this.userTitle = body.userTitle
    this.userMessage = body.userMessage
    this.errorData = body.errorData
    this.details = body.details
    this.unexpectedResponse = body.unexpectedResponse
    this.kind = facts.kind
    this.tokenExpired = facts.tokenExpired
    this.tokenInvalid = facts.tokenInvalid
    this.tokenProblem = facts.tokenProblem
    this.rateLimited = facts.rateLimited
    this.outsideWindow = facts.outsideWindow
    this.templateError = facts.templateError
    this.permission = facts.permission
    this.recipientNotOnWhatsApp = facts.recipientNotOnWhatsApp
    this.transient = facts.transient
    this.hint = facts.hint
    this.method = init.method
    this.url = init.url
    this.requestId = init.requestId
    this.exchange = init.exchange
  }
}

/** Why no answer came back. */
export type NetworkFailure = 'refused' | 'dns' | 'timeout' | 'reset' | 'tls' | 'aborted' | 'closed' | 'other'

export interface NetworkErrorInit extends RequestIdentity {
  reason: NetworkFailure
  message: string
  fix: string
  cause?: unknown
  exchange?: GraphExchange
}

/** No answer, and (for a send) provably nothing delivered — or a read, which is safe to repeat anyway. */
export class GraphNetworkError extends SwitchboardError implements RequestIdentity {
  readonly reason: NetworkFailure
  readonly method: GraphMethod
  readonly url: string
  override readonly requestId: string
  override readonly exchange: GraphExchange | undefined

  constructor(init: NetworkErrorInit) {
    super({ code: 'network', message: init.message, fix: init.fix, requestId: init.requestId, ...(init.exchange ? { exchange: init.exchange } : {}) })
    this.name = 'GraphNetworkError'
    this.reason = init.reason
    this.method = init.method
    this.url = init.url
    this.requestId = init.requestId
    this.exchange = init.exchange
    if (init.cause !== undefined) this.cause = init.cause
  }
}

export type UnknownOutcomeReason = 'timeout' | 'connection_lost' | 'aborted' | 'closed'

export interface OutcomeUnknownInit extends RequestIdentity {
  reason: UnknownOutcomeReason
  message: string
  cause?: unknown
  exchange?: GraphExchange
}

/**
 * A write (POST/DELETE) reached the connection but no answer came back: Meta may or may not have
 * acted on it. Never retried automatically; the request id lets the operator match it up later.
 */
export class GraphOutcomeUnknownError extends SwitchboardError implements RequestIdentity {
  readonly reason: UnknownOutcomeReason
  readonly method: GraphMethod
  readonly url: string
  override readonly requestId: string
  override readonly exchange: GraphExchange | undefined

  constructor(init: OutcomeUnknownInit) {
    super({
      code: 'outcome_unknown',
      message: init.message,
      fix: 'Check whether it took effect (for a message: its status webhooks or the recipient’s phone) before trying again — a blind resend may deliver twice.',
      requestId: init.requestId,
      ...(init.exchange ? { exchange: init.exchange } : {}),
    })
    this.name = 'GraphOutcomeUnknownError'
    this.reason = init.reason
    this.method = init.method
    this.url = init.url
    this.requestId = init.requestId
    this.exchange = init.exchange
    if (init.cause !== undefined) this.cause = init.cause
  }
}
