import { CONTROL_KEY_HEADER } from '../../../../src/main/core/sandbox'

/**
 * Drives the sandbox over HTTP exactly as a Graph client would: query parameters, JSON or form
 * bodies, bearer tokens; `/_sandbox/…` calls carry the control key when the client has one.
 */
export interface GraphResult<T = Record<string, unknown>> {
  status: number
  body: T
  headers: Headers
}

export interface GraphErrorResult {
  error: { message: string; type: string; code: number; error_subcode?: number; error_data?: { messaging_product: string; details: string }; fbtrace_id: string }
}

export class GraphClient {
  constructor(
    readonly baseUrl: string,
    private readonly version = 'v25.0',
    private readonly controlKey?: string,
  ) {}

  get<T = Record<string, unknown>>(path: string, params: Record<string, string> = {}, token?: string): Promise<GraphResult<T>> {
    return this.call<T>('GET', path, { params, token })
  }

  post<T = Record<string, unknown>>(path: string, body: Record<string, unknown>, token?: string, options: { form?: boolean } = {}): Promise<GraphResult<T>> {
    return this.call<T>('POST', path, { body, token, form: options.form ?? false })
  }

  delete<T = Record<string, unknown>>(path: string, params: Record<string, string> = {}, token?: string): Promise<GraphResult<T>> {
    return this.call<T>('DELETE', path, { params, token })
  }

  async call<T>(method: string, path: string, options: { params?: Record<string, string>; body?: Record<string, unknown>; token?: string; form?: boolean }): Promise<GraphResult<T>> {
    const url = new URL(`${this.baseUrl}${path.startsWith('/_sandbox') ? '' : `/${this.version}`}${path}`)
    for (const [key, value] of Object.entries(options.params ?? {})) url.searchParams.set(key, value)
    const headers: Record<string, string> = {}
    if (path.startsWith('/_sandbox') && this.controlKey) headers[CONTROL_KEY_HEADER] = this.controlKey
    if (options.token) headers.authorization = `Bearer ${options.token}`
    let body: string | undefined
    if (options.body) {
      if (options.form) {
        headers['content-type'] = 'application/x-www-form-urlencoded'
        body = new URLSearchParams(Object.entries(options.body).map(([key, value]): [string, string] => [key, typeof value === 'string' ? value : JSON.stringify(value)])).toString()
      } else {
        headers['content-type'] = 'application/json'
        body = JSON.stringify(options.body)
      }
    }
    const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) })
    return { status: response.status, body: (await response.json()) as T, headers: response.headers }
  }
}
