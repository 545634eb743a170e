import { randomInt } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { SelfTestResult } from '@shared/contract'
import { request } from 'undici'

export interface ProbeOptions {
  /** The public `/webhook` URL. */
  webhookUrl: string
  verifyToken: string | undefined
  now: () => number
  timeoutMs?: number
  /** Whether a request carrying this challenge reached this Switchboard's listener (its inspector has it). */
  reachedListener?: (challenge: string) => boolean
}

const MAX_BODY = 4096

/**
 * Meta's verification request, sent by Switchboard itself to the public URL:
 * `GET <url>?hub.mode=subscribe&hub.verify_token=…&hub.challenge=<random>`. Passes when the
 * challenge comes back and the request went through to this Switchboard's listener. Redirects are
 * not followed (Meta does not follow them either). The verify token never appears in the result.
 */
export async function probeWebhook(options: ProbeOptions): Promise<SelfTestResult> {
  const challenge = String(randomInt(1_000_000_000, 2_000_000_000))
  const shown = new URL(options.webhookUrl)
  shown.searchParams.set('hub.mode', 'subscribe')
  shown.searchParams.set('hub.verify_token', 'TOKEN')
  shown.searchParams.set('hub.challenge', challenge)
  const url = shown.toString().replace('hub.verify_token=TOKEN', 'hub.verify_token=[redacted]')
  const at = options.now()
  const started = performance.now()
  const result = (fields: Omit<SelfTestResult, 'at' | 'url' | 'durationMs'>): SelfTestResult => ({ ...fields, at, url, durationMs: Math.max(0, Math.round(performance.now() - started)) })

  if (!options.verifyToken) {
    return result({
      ok: false,
      status: null,
      echoed: false,
      reachedListener: false,
      message: "The active profile has no verify token, so Meta's verification request cannot be answered: set one in Settings",
    })
  }
  const target = new URL(options.webhookUrl)
  target.searchParams.set('hub.mode', 'subscribe')
  target.searchParams.set('hub.verify_token', options.verifyToken)
  target.searchParams.set('hub.challenge', challenge)
  const timeoutMs = options.timeoutMs ?? 10_000

  let status: number
  let body: string
  let location: string | undefined
  try {
    const response = await request(target, {
      method: 'GET',
      headers: { 'user-agent': 'Switchboard self-test' },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    })
    status = response.statusCode
    const header = response.headers.location
    location = Array.isArray(header) ? header[0] : header
    body = await readCapped(response.body)
  } catch (error) {
    return result({ ok: false, status: null, echoed: false, reachedListener: false, message: noAnswer(error, target, timeoutMs) })
  }

  const reached = options.reachedListener?.(challenge) ?? true
  const echoed = status === 200 && body === challenge
  return result({ ok: echoed && reached, status, echoed, reachedListener: reached, message: explain(status, body, echoed, reached, location) })
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    chunks.push(chunk)
    size += chunk.length
    if (size > MAX_BODY) {
      body.destroy()
      break
    }
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, MAX_BODY)
}

function explain(status: number, body: string, echoed: boolean, reached: boolean, location: string | undefined): string {
  if (echoed && reached) return 'The challenge came back through the public URL from this Switchboard\'s listener'
  if (echoed) return 'The challenge came back, but the request never reached this Switchboard: another server that knows the verify token answers at this URL (production?)'
  if (status === 200) return `HTTP 200, but the answer was ${JSON.stringify(body.slice(0, 60))} instead of the challenge: something else answers at this URL`
  if (status === 403 && reached) return "This listener refused the verify token (the request inspector says why): the profile's verify token and the one sent differ"
  if (status === 403) return 'HTTP 403: the server at this URL refused the verify token; is it this Switchboard?'
  if (status === 404) return 'HTTP 404: nothing at this path; the URL must forward to the listener\'s /webhook with the query string'
  if (status >= 300 && status < 400) return `HTTP ${status} redirect${location ? ` to ${location}` : ''}: Meta does not follow redirects, register the final URL`
  if (status === 502 || status === 503 || status === 504 || status === 530) {
    return `HTTP ${status} from the tunnel or proxy: it is up but does not reach the listener (not connected yet, or forwarding to the wrong port)`
  }
  return `HTTP ${status} instead of the challenge`
}

function codesOf(error: unknown, depth = 0): string[] {
  if (depth > 3 || typeof error !== 'object' || error === null) return []
  const record = error as { code?: unknown; cause?: unknown; name?: unknown }
  const own = typeof record.code === 'string' ? [record.code] : typeof record.name === 'string' ? [record.name] : []
  return [...own, ...codesOf(record.cause, depth + 1)]
}

function noAnswer(error: unknown, target: URL, timeoutMs: number): string {
  const codes = codesOf(error)
  const host = target.host
  if (codes.includes('ECONNREFUSED')) return `No answer: nothing listens at ${host} (connection refused)`
  if (codes.some((code) => code === 'ENOTFOUND' || code === 'EAI_AGAIN')) return `No answer: ${target.hostname} does not resolve (DNS)`
  if (codes.some((code) => /TIMEOUT|TimeoutError|AbortError/i.test(code))) return `No answer from ${host} within ${Math.round(timeoutMs / 1000)} s`
  if (codes.some((code) => /CERT|TLS|SSL/i.test(code))) return `The TLS connection to ${host} failed (${codes[0] ?? 'certificate'}): Meta needs a valid certificate too`
  return `No answer from ${host}: ${error instanceof Error ? error.message : String(error)}`
}
