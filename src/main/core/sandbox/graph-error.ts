/**
 * A Graph API error as Meta sends it: an HTTP status and
 * `{"error":{"message","type","code","error_subcode"?,"error_data"?,"fbtrace_id"}}`.
 * The `fbtrace_id` is added when the response is written.
 */
export interface GraphErrorBody {
  message: string
  type: string
  code: number
  error_subcode?: number
  error_data?: { messaging_product: 'whatsapp'; details: string }
  error_user_title?: string
  error_user_msg?: string
  is_transient?: boolean
}

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly body: GraphErrorBody,
  ) {
    super(body.message)
    this.name = 'GraphError'
  }
}

export function oauthError(status: number, code: number, message: string, subcode?: number): GraphError {
  return new GraphError(status, { message, type: 'OAuthException', code, ...(subcode === undefined ? {} : { error_subcode: subcode }) })
}

/** Cloud API errors carry `error_data.details`, which Meta says to build error handling on. */
export function whatsappError(status: number, code: number, message: string, details: string): GraphError {
  return new GraphError(status, {
    message: `(#${code}) ${message}`,
    type: 'OAuthException',
    code,
    error_data: { messaging_product: 'whatsapp', details },
  })
}

export function missingParameter(name: string): GraphError {
  return oauthError(400, 100, `(#100) The parameter ${name} is required`)
}

export function invalidParameter(details: string): GraphError {
  return whatsappError(400, 100, 'Invalid parameter', details)
}

export function unknownObject(method: string, id: string): GraphError {
  return new GraphError(400, {
    message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    type: 'GraphMethodException',
    code: 100,
    error_subcode: 33,
  })
}

export function nonexistingField(field: string, nodeType: string): GraphError {
  return oauthError(400, 100, `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`)
}

export function unknownPath(components: string): GraphError {
  return oauthError(400, 2500, `Unknown path components: ${components}`)
}

/** How Graph quotes a bad value back: strings as they are, anything else as JSON. */
export function quoted(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined')
}
