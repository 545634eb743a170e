import { z } from 'zod'

/** Every error that crosses the process boundary carries one of these codes, never a stack trace. */
export const errorCodes = [
  'invalid_input',
  'unknown_call',
  'forbidden',
  'not_found',
  'conflict',
  'not_configured',
  'keychain_unavailable',
  'keychain_locked',
  'keychain_denied',
  'graph',
  'network',
  /** The answer to a call never reached this window (the connection to Switchboard dropped or timed out): a send may or may not have happened. */
  'connection_lost',
  'outcome_unknown',
  'token_expired',
  'store_unavailable',
  'port_in_use',
  'tunnel_unavailable',
  'internal',
] as const

export type ErrorCode = (typeof errorCodes)[number]

export const graphErrorDetails = z.object({
  status: z.number().int(),
  code: z.number().int(),
  subcode: z.number().int().nullable(),
  type: z.string(),
  message: z.string(),
  fbtraceId: z.string().nullable(),
  hint: z.string(),
})
export type GraphErrorDetails = z.infer<typeof graphErrorDetails>

/** One Graph call as the operator may inspect it ("raw request and response"), secrets masked. */
export const graphExchange = z.object({
  requestId: z.string(),
  method: z.string(),
  url: z.string(),
  requestHeaders: z.record(z.string(), z.string()),
  requestBody: z.string().nullable(),
  status: z.number().int().nullable(),
  responseHeaders: z.record(z.string(), z.string()),
  responseBody: z.string().nullable(),
  durationMs: z.number(),
  fbtraceId: z.string().nullable(),
  attempts: z.number().int(),
})
export type GraphExchangeView = z.infer<typeof graphExchange>

export const appError = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  /** A short, actionable next step for the operator, when there is one. */
  fix: z.string().optional(),
  graph: graphErrorDetails.optional(),
  /** Field-level problems of an invalid input, keyed by dotted path. */
  fields: z.record(z.string(), z.string()).optional(),
  /** The raw Graph request and response (secrets masked), when a Graph call failed. */
  exchange: graphExchange.optional(),
  /** For calls that may or may not have reached Meta ("outcome unknown"): the id it carried. */
  requestId: z.string().optional(),
})
export type AppError = z.infer<typeof appError>

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppError }

export function ok<T>(value: T): Envelope<T> {
  return { ok: true, value }
}

export function fail(error: AppError): Envelope<never> {
  return { ok: false, error }
}

/** Thrown by core handlers and by `unwrap`; carries an `AppError` across async boundaries. */
export class SwitchboardError extends Error {
  readonly code: ErrorCode
  readonly fix: string | undefined
  readonly graph: GraphErrorDetails | undefined
  readonly fields: Record<string, string> | undefined
  readonly exchange: GraphExchangeView | undefined
  readonly requestId: string | undefined

  constructor(error: AppError) {
    super(error.message)
    this.name = 'SwitchboardError'
    this.code = error.code
    this.fix = error.fix
    this.graph = error.graph
    this.fields = error.fields
    this.exchange = error.exchange
    this.requestId = error.requestId
  }

  toJSON(): AppError {
    return {
      code: this.code,
      message: this.message,
      ...(this.fix === undefined ? {} : { fix: this.fix }),
      ...(this.graph === undefined ? {} : { graph: this.graph }),
      ...(this.fields === undefined ? {} : { fields: this.fields }),
      ...(this.exchange === undefined ? {} : { exchange: this.exchange }),
      ...(this.requestId === undefined ? {} : { requestId: this.requestId }),
    }
  }
}

/** What the operator can do about an error: Graph's hint for a Graph answer, else the core's fix. */
export function fixOf(error: AppError): string | null {
  return error.graph?.hint ?? error.fix ?? null
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value
  throw new SwitchboardError(envelope.error)
}
