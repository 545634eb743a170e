import { performance } from 'node:perf_hooks'
import type { DeleteOptions, GetOptions, GraphResponse, PostOptions } from './call-options'
import { parseJson } from './error-envelope'
import { GraphError, type GraphNetworkError, type GraphOutcomeUnknownError, type NetworkFailure } from './errors'
import { recordExchange, type GraphMethod } from './exchange'
import { graphErrorFrom, noAnswerErrorFrom } from './failure-errors'
import { resolveOptions, resolveRetry, type GraphClientOptions } from './options'
import { prepareRequest, type PreparedRequest } from './prepared-request'
import { isRetryable, parseRetryAfter, retryDelay, type AttemptFailure } from './retry-policy'
import { createTransport, TransportFailure, type IncomingResponse } from './transport'

export interface GraphClient {
  /** The Graph root without the version. */
  readonly baseUrl: string
  readonly version: string
  get(path: string, options?: GetOptions): Promise<GraphResponse>
  post(path: string, options?: PostOptions): Promise<GraphResponse>
  delete(path: string, options?: DeleteOptions): Promise<GraphResponse>
  /** Aborts in-flight calls (they reject) and pending retries, then destroys the connection pool. */
  close(): Promise<void>
}

type AbortCause = 'aborted' | 'closed'

type Attempt = { ok: true; response: IncomingResponse } | { ok: false; failure: TransportFailure; reason: NetworkFailure }

const networkCodes: ReadonlyArray<[NetworkFailure, RegExp]> = [
  ['refused', /^ECONNREFUSED$/],
  ['dns', /^(ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_FAIL)$/],
  ['timeout', /^(ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT)$/],
  ['reset', /^(ECONNRESET|EPIPE|ECONNABORTED|UND_ERR_SOCKET|UND_ERR_CLOSED|UND_ERR_DESTROYED|HPE_.*)$/],
  ['tls', /^(ERR_TLS_.*|ERR_SSL_.*|CERT_.*|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_.*|ERR_OSSL_.*)$/],
]

/** Error codes of an error, its causes and (for happy-eyeballs connects) its aggregated errors. */
function errorCodes(error: unknown, depth = 0): string[] {
  if (depth > 3 || typeof error !== 'object' || error === null) return []
  const record = error as { code?: unknown; cause?: unknown; errors?: unknown }
  const own = typeof record.code === 'string' ? [record.code] : []
  const nested = Array.isArray(record.errors) ? record.errors.flatMap((inner) => errorCodes(inner, depth + 1)) : []
  return [...own, ...nested, ...errorCodes(record.cause, depth + 1)]
}

function classify(error: unknown): NetworkFailure {
  const codes = errorCodes(error)
  for (const [reason, shape] of networkCodes) {
    if (codes.some((code) => shape.test(code))) return reason
  }
  return 'other'
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const config = resolveOptions(options)
  const { redactor, log, clock } = config
  const transport = createTransport({ origin: config.baseUrl.origin, maxConnections: config.maxConnections, connectTimeoutMs: config.timeoutMs })
  const lifetime = new AbortController()
  const active = new Set<Promise<unknown>>()
  const root = `${config.baseUrl.origin}${config.baseUrl.path}`
  const prepareContext = {
    root: config.baseUrl,
    version: config.version,
    userAgent: config.userAgent,
    appSecretProof: config.appSecretProof,
    redactor,
  }

  /**
   * One try: resolves with any HTTP answer, or with why none came. Timeouts are undici's own
   * (headers, then body), the caller's signal goes straight to undici, and close() destroys the
   * pool: no controller, timer or listener of our own per call.
   */
  const attempt = async (request: PreparedRequest, timeoutMs: number, signal: AbortSignal | undefined): Promise<Attempt> => {
    const refused = signal?.aborted ? 'aborted' : lifetime.signal.aborted ? 'closed' : null
    if (refused !== null) return { ok: false, failure: new TransportFailure(new Error(`graph request ${refused}`), false), reason: refused }
    try {
      const response = await transport.send({
        method: request.method,
        path: request.pathAndQuery,
        headers: request.headers,
        body: request.body,
        requestId: request.requestId,
        signal,
        timeoutMs,
      })
      return { ok: true, response }
    } catch (error) {
      const failure = error instanceof TransportFailure ? error : new TransportFailure(error, false)
      const reason = lifetime.signal.aborted ? 'closed' : signal?.aborted ? 'aborted' : classify(failure.cause)
      return { ok: false, failure, reason }
    }
  }

  /** Waits on the clock between retries; shutdown or the caller's signal cut it short. */
  const pause = (ms: number, signal: AbortSignal | undefined): Promise<AbortCause | null> =>
    new Promise((resolve) => {
      const done = (result: AbortCause | null) => {
        clock.clearTimeout(timer)
        signal?.removeEventListener('abort', onCallerAbort)
        lifetime.signal.removeEventListener('abort', onClose)
        resolve(result)
      }
      const onCallerAbort = () => done('aborted')
      const onClose = () => done('closed')
      const timer = clock.setTimeout(() => done(null), ms)
      signal?.addEventListener('abort', onCallerAbort, { once: true })
      lifetime.signal.addEventListener('abort', onClose, { once: true })
    })

  const interrupted = (request: PreparedRequest, why: AbortCause | 'closed', timeoutMs: number) =>
    noAnswerErrorFrom(request, { failure: new TransportFailure(new Error(`graph request ${why}`), false), reason: why, timeoutMs, root }, redactor, undefined)

  const run = async (method: GraphMethod, path: string, call: GetOptions & PostOptions): Promise<GraphResponse> => {
    const request = prepareRequest(method, path, call, prepareContext)
    const timeoutMs = call.timeoutMs ?? config.timeoutMs
    if (lifetime.signal.aborted) throw interrupted(request, 'closed', timeoutMs)
    const retry = method === 'GET' && call.retry !== undefined ? resolveRetry(call.retry, config.retry) : config.retry
    // Only reads are retried: a write that timed out may have been delivered.
    const maxAttempts = method === 'GET' ? retry.attempts : 1
    const started = performance.now()

    for (let attempts = 1; ; attempts++) {
      const outcome = await attempt(request, timeoutMs, call.signal)
      const exchange = call.exchange ? recordExchange(request, outcome.ok ? outcome.response : null, started, attempts, redactor) : undefined

      let error: GraphError | GraphNetworkError | GraphOutcomeUnknownError
      let failure: AttemptFailure
      let retryAfterMs: number | null = null
      if (outcome.ok) {
        const { response } = outcome
        const success = response.status >= 200 && response.status < 300
        const parsed = success ? (response.body.trim() === '' ? ({ ok: true, value: null } as const) : parseJson(response.body)) : { ok: false as const }
        const fbtraceId = response.headers['x-fb-trace-id'] ?? null
        if (parsed.ok) {
          log.debug('graph call', { method, path, status: response.status, attempts, requestId: request.requestId, fbtraceId })
          return { data: parsed.value, status: response.status, requestId: request.requestId, fbtraceId, attempts, ...(exchange ? { exchange } : {}) }
        }
        error = graphErrorFrom(request, response, redactor, exchange)
        // A 2xx that is not JSON was still accepted: never worth repeating.
        failure = { kind: 'graph', transient: !success && error.transient }
        retryAfterMs = parseRetryAfter(response.headers['retry-after'] ?? null, Date.now())
      } else {
        error = noAnswerErrorFrom(request, { failure: outcome.failure, reason: outcome.reason, timeoutMs, root }, redactor, exchange)
        failure = { kind: 'network', reason: outcome.reason }
      }

      const fields = {
        method,
        url: request.url,
        requestId: request.requestId,
        attempts,
        error: error.message,
        ...(error instanceof GraphError ? { status: error.status, code: error.graphCode, subcode: error.subcode, fbtraceId: error.fbtraceId } : {}),
      }
      if (attempts < maxAttempts && isRetryable(failure)) {
        const delayMs = retryDelay(attempts - 1, retry, config.random, retryAfterMs)
        log.warn('graph read failed; retrying', { ...fields, delayMs })
        const cut = await pause(delayMs, call.signal)
        if (cut === null) continue
        throw interrupted(request, cut, timeoutMs)
      }
      log.warn('graph call failed', fields)
      throw error
    }
  }

  const track = (method: GraphMethod, path: string, call: GetOptions & PostOptions): Promise<GraphResponse> => {
    const promise = run(method, path, call)
    active.add(promise)
    const forget = () => active.delete(promise)
    void promise.then(forget, forget)
    return promise
  }

  let closing: Promise<void> | null = null
  return {
    baseUrl: root,
    version: config.version,
    get: (path, call = {}) => track('GET', path, call),
    post: (path, call = {}) => track('POST', path, call),
    delete: (path, call = {}) => track('DELETE', path, call),
    close() {
      closing ??= (async () => {
        lifetime.abort()
        await transport.destroy()
        await Promise.allSettled([...active])
      })()
      return closing
    },
  }
}
