/**
 * Reads Meta's error envelope `{"error":{"message","type","code","error_subcode","error_user_title",
 * "error_user_msg","error_data","fbtrace_id","is_transient"}}` out of a failed response. Anything
 * else (an HTML 502 from a proxy, an empty body, JSON of another shape) becomes an "unexpected
 * response" description instead of a crash.
 */

export interface GraphErrorBody {
  message: string
  type: string
  /** Graph's `code`; -1 when the body was not a Graph error. */
  code: number
  subcode: number | null
  fbtraceId: string | null
  isTransient: boolean | null
  userTitle: string | null
  userMessage: string | null
  /** `error_data` as sent (WhatsApp puts `{messaging_product, details}` there). */
  errorData: unknown
  /** `error_data.details`: WhatsApp's most specific explanation. */
  details: string | null
  unexpectedResponse: boolean
}

export const NOT_A_GRAPH_ERROR = -1

export type JsonParse = { ok: true; value: unknown } | { ok: false }

export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function integer(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value === 'string' && /^-?\d{1,12}$/.test(value)) return Number(value)
  return null
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null
}

/** A short, single-line description of a body that is not Graph JSON. */
export function describeForeignBody(body: string, contentType: string | null): string {
  const trimmed = body.trim()
  if (trimmed === '') return 'an empty body'
  const isHtml = /html/i.test(contentType ?? '') || /^<(!doctype|html|head|body)/i.test(trimmed)
  if (isHtml) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim()
    const heading = /<h1[^>]*>([^<]*)<\/h1>/i.exec(trimmed)?.[1]?.trim()
    const label = title || heading
    return label ? `an HTML page (“${clip(label, 120)}”)` : 'an HTML page'
  }
  return `“${clip(trimmed.replace(/\s+/g, ' '), 160)}”`
}

function clip(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value
}

export function parseErrorBody(status: number, contentType: string | null, body: string, traceHeader: string | null): GraphErrorBody {
  const parsed = parseJson(body)
  const envelope = parsed.ok && isRecord(parsed.value) ? parsed.value.error : undefined

  if (isRecord(envelope)) {
    const code = integer(envelope.code)
    const errorData = envelope.error_data
    const details = isRecord(errorData) ? text(errorData.details) : null
    return {
      message: text(envelope.message) ?? `Graph error without a message (HTTP ${status})`,
      type: text(envelope.type) ?? 'UnknownGraphError',
      code: code ?? NOT_A_GRAPH_ERROR,
      subcode: integer(envelope.error_subcode),
      fbtraceId: text(envelope.fbtrace_id) ?? traceHeader,
      isTransient: typeof envelope.is_transient === 'boolean' ? envelope.is_transient : null,
      userTitle: text(envelope.error_user_title),
      userMessage: text(envelope.error_user_msg),
      errorData: errorData ?? null,
      details,
      unexpectedResponse: code === null,
    }
  }

  // Some OAuth-style endpoints and proxies answer `{"error": "some_reason"}`.
  const loose = typeof envelope === 'string' ? envelope : null
  const what = loose ? `“${clip(loose, 160)}”` : parsed.ok ? 'JSON that is not a Graph error' : describeForeignBody(body, contentType)
  return {
    message: `The server answered HTTP ${status} with ${what}`,
    type: 'UnexpectedResponse',
    code: NOT_A_GRAPH_ERROR,
    subcode: null,
    fbtraceId: traceHeader,
    isTransient: null,
    userTitle: null,
    userMessage: null,
    errorData: null,
    details: null,
    unexpectedResponse: true,
  }
}
