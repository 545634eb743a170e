import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'

export interface HttpResult {
  status: number
  statusMessage: string
  body: string
}

/** Network failures keep the shape Meta reports them in (curl's error number and text). */
export class NetworkError extends Error {
  constructor(
    readonly curlCode: number,
    message: string,
  ) {
    super(message)
    this.name = 'NetworkError'
  }
}

const MAX_RESPONSE_BYTES = 64 * 1024

/** One HTTP exchange with a webhook endpoint: no redirects followed, the response body capped. */
export function httpExchange(
  method: 'GET' | 'POST',
  url: URL,
  options: { headers?: Record<string, string>; body?: Buffer; timeoutMs: number; signal?: AbortSignal },
): Promise<HttpResult> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method,
        headers: { 'user-agent': 'facebookexternalua', ...options.headers, ...(options.body ? { 'content-length': String(options.body.length) } : {}) },
        signal: options.signal,
        timeout: options.timeoutMs,
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk)
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, statusMessage: res.statusMessage ?? '', body: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', (error) => reject(new NetworkError(56, `Failure when receiving data from the peer: ${error.message}`)))
      },
    )
    req.on('timeout', () => req.destroy(new NetworkError(28, `Operation timed out after ${options.timeoutMs} milliseconds with 0 bytes received`)))
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof NetworkError) return reject(error)
      if (error.name === 'AbortError') return reject(error)
      if (error.code === 'ECONNREFUSED') return reject(new NetworkError(7, `Failed to connect to ${url.hostname} port ${url.port || (url.protocol === 'https:' ? 443 : 80)}: Connection refused`))
      if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return reject(new NetworkError(6, `Could not resolve host: ${url.hostname}`))
      reject(new NetworkError(56, error.message))
    })
    req.end(options.body)
  })
}
