import type { Redactor } from '../log'
import { parseErrorBody } from './error-envelope'
import { describeGraphError } from './error-facts'
import { GraphError, GraphNetworkError, GraphOutcomeUnknownError, type NetworkFailure, type UnknownOutcomeReason } from './errors'
import type { GraphExchange } from './exchange'
import type { PreparedRequest } from './prepared-request'
import type { IncomingResponse, TransportFailure } from './transport'

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`
}

/** Graph answered with an error status (or a 2xx that is not JSON): one typed error, redacted. */
export function graphErrorFrom(request: PreparedRequest, response: IncomingResponse, redactor: Redactor, exchange: GraphExchange | undefined): GraphError {
  const raw = parseErrorBody(response.status, response.headers['content-type'] ?? null, response.body, response.headers['x-fb-trace-id'] ?? null)
  const clean = (text: string | null) => (text === null ? null : redactor.redact(text))
  const body = {
    ...raw,
    message: redactor.redact(raw.message),
    details: clean(raw.details),
    userMessage: clean(raw.userMessage),
    userTitle: clean(raw.userTitle),
  }
  const facts = describeGraphError({
    status: response.status,
    code: body.code,
    subcode: body.subcode,
    isTransient: body.isTransient,
    unexpectedResponse: body.unexpectedResponse,
    message: body.message,
  })
  return new GraphError({ ...request, status: response.status, body, facts, ...(exchange ? { exchange } : {}) })
}

export interface NoAnswer {
  failure: TransportFailure
  reason: NetworkFailure
  timeoutMs: number
  /** The Graph root, for the "check the base URL" advice. */
  root: string
}

/**
 * No answer came. A write that reached the connection may have taken effect: "outcome unknown".
 * Anything else is a plain network error (for a write, provably nothing reached Meta).
 */
export function noAnswerErrorFrom(
  request: PreparedRequest,
  { failure, reason, timeoutMs, root }: NoAnswer,
  redactor: Redactor,
  exchange: GraphExchange | undefined,
): GraphNetworkError | GraphOutcomeUnknownError {
  const where = `${request.method} ${request.url}`
  const extra = exchange ? { exchange } : {}
  const detail = redactor.redact(failure.message)

  if (request.method !== 'GET' && failure.written) {
    const outcome: UnknownOutcomeReason = reason === 'timeout' || reason === 'aborted' || reason === 'closed' ? reason : 'connection_lost'
    const what: Record<UnknownOutcomeReason, string> = {
      timeout: `got no answer within ${seconds(timeoutMs)}`,
      aborted: 'was cancelled',
      closed: 'was cut off by shutdown',
      connection_lost: `lost its connection (${detail})`,
    }
    return new GraphOutcomeUnknownError({
      ...request,
      ...extra,
      reason: outcome,
      cause: failure.cause,
      message: `${where} ${what[outcome]} after the request was sent: it may or may not have taken effect (request id ${request.requestId})`,
    })
  }

  const text: Record<NetworkFailure, [string, string]> = {
    refused: [`Connection refused by ${request.fullUrl.host}`, `Check the Graph base URL (${root}); for the sandbox, make sure it is running.`],
    dns: [`Could not resolve ${request.fullUrl.hostname}`, 'Check the internet connection, DNS or proxy settings.'],
    timeout: [`No answer within ${seconds(timeoutMs)}`, 'Meta or the network is slow or unreachable: try again shortly.'],
    reset: [`The connection dropped before an answer came (${detail})`, 'Try again; if it keeps happening, check proxies or firewalls on the way.'],
    tls: [`The TLS handshake with ${request.fullUrl.host} failed (${detail})`, 'A proxy may be intercepting HTTPS, or the system clock is wrong.'],
    aborted: ['The call was cancelled', 'It was cancelled before an answer came; run it again if it is still needed.'],
    closed: ['The Graph client was shut down', 'Switchboard is closing or the profile changed.'],
    other: [`The request failed (${detail})`, 'Check the network and the Graph base URL.'],
  }
  const [message, fix] = text[reason]
  const sent = request.method === 'GET' ? '' : ' — nothing reached Meta'
  return new GraphNetworkError({ ...request, ...extra, reason, cause: failure.cause, message: `${where}: ${message}${sent}`, fix })
}
