import { STATUS_CODES } from 'node:http'
import { type GraphError, oauthError } from '../graph-error'
import type { SandboxRuntime } from '../runtime'
import { mayCall, type CallbackAllowance } from './callback-hosts'
import { httpExchange, NetworkError } from './http-client'

const HANDSHAKE_TIMEOUT_MS = 10_000

/**
 * Meta's verification request: `GET <url>?hub.mode=subscribe&hub.challenge=<n>&hub.verify_token=<t>`.
 * The endpoint must answer 200 with exactly the challenge; anything else fails the registration
 * with error 2200, as Meta's does. Only loopback URLs and those `allowance` accepts are called, and
 * no failure quotes what the endpoint answered: the sandbox must not be a way to read other servers.
 */
export async function verifyCallback(runtime: SandboxRuntime, callbackUrl: string, verifyToken: string, allowance: CallbackAllowance, signal?: AbortSignal): Promise<void> {
  const url = parseCallbackUrl(callbackUrl)
  if (!mayCall(url, allowance)) {
    throw failed(`The sandbox calls back only this machine (127.0.0.1, ::1, localhost) and the running tunnel, not ${url.protocol}//${url.host}`)
  }
  const challenge = runtime.rng.digits(10)
  url.searchParams.set('hub.mode', 'subscribe')
  url.searchParams.set('hub.challenge', challenge)
  url.searchParams.set('hub.verify_token', verifyToken)
  let result
  try {
    result = await runtime.track(httpExchange('GET', url, { timeoutMs: HANDSHAKE_TIMEOUT_MS, signal }))
  } catch (error) {
    if (error instanceof NetworkError) {
      throw failed(`Callback verification failed with the following errors: curl_errno = ${error.curlCode}; curl_error = ${error.message}; HTTP Status Code = 0; HTTP Message = Unknown Response Code`)
    }
    throw error
  }
  if (result.status !== 200) {
    // The standard reason phrase, not the endpoint's own: nothing it sent is repeated.
    throw failed(`Callback verification failed with the following errors: HTTP Status Code = ${result.status}; HTTP Message = ${STATUS_CODES[result.status] ?? 'Unknown Response Code'}`)
  }
  if (result.body !== challenge) {
    throw failed(`Response does not match challenge, expected value="${challenge}"`)
  }
}

/** Callback URLs must be absolute http(s) URLs (Meta insists on https; the sandbox allows http for local endpoints). */
export function parseCallbackUrl(value: string): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw oauthError(400, 100, '(#100) Param callback_url must be a valid URL')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw oauthError(400, 100, '(#100) Param callback_url must be a valid URL')
  return url
}

function failed(reason: string): GraphError {
  return oauthError(400, 2200, `(#2200) callback verification failed: The URL couldn't be validated. ${reason}`)
}
