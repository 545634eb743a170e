import { performance } from 'node:perf_hooks'
import type { Redactor } from '../log'
import { parseErrorBody, parseJson } from './error-envelope'
import type { PreparedRequest } from './prepared-request'
import { redactedParams, redactJson } from './secret-fields'
import type { IncomingResponse } from './transport'

export type GraphMethod = 'GET' | 'POST' | 'DELETE'

/**
 * One call as the operator may inspect it ("raw request and response"), with every secret masked:
 * tokens, app secrets and proofs never appear in it.
 */
export type GraphExchange = {
  requestId: string
  method: GraphMethod
  /** Query secrets replaced by `[redacted]`. */
  url: string
  /** `authorization` shown masked (`Bearer EA…Qz`). */
  requestHeaders: Record<string, string>
  requestBody: string | null
  /** null: no answer came back. */
  status: number | null
  /** The headers worth seeing: content type, trace ids, usage and retry hints. */
  responseHeaders: Record<string, string>
  responseBody: string | null
  /** From the first attempt's dispatch to the final answer or failure. */
  durationMs: number
  fbtraceId: string | null
  /** How many tries it took (GETs may be retried). */
  attempts: number
}

const MAX_BODY_CHARS = 64 * 1024

export const shownResponseHeaders = [
  'content-type',
  'x-fb-trace-id',
  'x-fb-request-id',
  'x-fb-debug',
  'x-app-usage',
  'x-business-use-case-usage',
  'retry-after',
  'www-authenticate',
]

/** Redacts a request or response body for display, by its content type. */
export function redactBody(body: string | null, contentType: string | null, redactor: Redactor): string | null {
  if (body === null) return null
  let shown: string
  const parsed = parseJson(body)
  if (parsed.ok) {
    shown = JSON.stringify(redactJson(parsed.value))
  } else if (/application\/x-www-form-urlencoded/i.test(contentType ?? '')) {
    shown = redactedParams(new URLSearchParams(body))
  } else {
    shown = body
  }
  shown = redactor.redact(shown)
  return shown.length > MAX_BODY_CHARS ? `${shown.slice(0, MAX_BODY_CHARS)}… [${shown.length - MAX_BODY_CHARS} more characters]` : shown
}

/** The record of a call after its latest try; `started` is the `performance.now()` of the first. */
export function recordExchange(
  request: PreparedRequest,
  response: IncomingResponse | null,
  started: number,
  attempts: number,
  redactor: Redactor,
): GraphExchange {
  const responseHeaders: Record<string, string> = {}
  for (const name of shownResponseHeaders) {
    const value = response?.headers[name]
    if (value !== undefined) responseHeaders[name] = redactor.redact(value)
  }
  const contentType = response?.headers['content-type'] ?? null
  const traceHeader = response?.headers['x-fb-trace-id'] ?? null
  const fbtraceId = response && response.status >= 300 ? parseErrorBody(response.status, contentType, response.body, traceHeader).fbtraceId : traceHeader
  return {
    requestId: request.requestId,
    method: request.method,
    url: request.url,
    requestHeaders: request.shownHeaders,
    requestBody: typeof request.body === 'string' || request.body === null ? redactBody(request.body, request.contentType, redactor) : request.shownBody,
    status: response?.status ?? null,
    responseHeaders,
    responseBody: response ? redactBody(response.body, contentType, redactor) : null,
    durationMs: Math.round(performance.now() - started),
    fbtraceId,
    attempts,
  }
}
