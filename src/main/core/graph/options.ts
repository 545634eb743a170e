import type { Clock } from '../clock'
import type { Logger, Redactor } from '../log'

export const DEFAULT_GRAPH_VERSION = 'v25.0'

export interface RetryOptions {
  /** Total tries of one GET, the first included (1 = no retry). */
  attempts: number
  /** Delay before the first retry; doubles on each further retry, with jitter. */
  baseDelayMs: number
  /** No single wait is longer than this, whatever the backoff or a Retry-After header says. */
  maxDelayMs: number
}

export interface AppSecretProofOption {
  appSecret: string
}

export interface GraphClientOptions {
  /** Root of the Graph API without the version: `https://graph.facebook.com`, or the sandbox's `http://127.0.0.1:<port>`. */
  baseUrl: string
  /** `vNN.N`; defaults to v25.0. */
  version?: string
  /** Per attempt, from dispatch to the last byte of the response; real time, not `clock`. Default 20 s. */
  timeoutMs?: number
  /** Retries of idempotent reads; `false` turns them off. */
  retry?: Partial<RetryOptions> | false
  /** Adds `appsecret_proof` to every call that carries a token (calls may override). */
  appSecretProof?: AppSecretProofOption
  /** Sent as `User-Agent`. */
  userAgent?: string
  /** Keep-alive connections per origin. */
  maxConnections?: number
  log: Logger
  redactor: Redactor
  /** Runs the backoff waits between retries (with a ManualClock they elapse only when it advances). */
  clock: Clock
  /** Jitter source, `[0, 1)`; tests may pin it. */
  random?: () => number
}

export interface ResolvedOptions {
  /** Origin and path prefix of the Graph root. */
  baseUrl: GraphRoot
  version: string
  timeoutMs: number
  retry: RetryOptions
  appSecretProof: AppSecretProofOption | undefined
  userAgent: string
  maxConnections: number
  log: Logger
  redactor: Redactor
  clock: Clock
  random: () => number
}

/** `origin` plus a path prefix without a trailing slash (`''` for the bare origin). */
export interface GraphRoot {
  origin: string
  path: string
}

const versionShape = /^v\d{1,3}\.\d{1,2}$/
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]'])

export const defaultRetry: RetryOptions = { attempts: 3, baseDelayMs: 250, maxDelayMs: 4_000 }

export function validateVersion(version: string): string {
  if (!versionShape.test(version)) {
    throw new TypeError(`The Graph API version must look like v25.0 (got ${JSON.stringify(version.slice(0, 20))})`)
  }
  return version
}

/**
 * Plain http is accepted only on loopback (the sandbox): anywhere else an access token would cross
 * the network in clear.
 */
export function validateBaseUrl(raw: string): GraphRoot {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new TypeError(`The Graph base URL is not a URL: ${JSON.stringify(raw.slice(0, 200))}`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`The Graph base URL must be http(s), not ${url.protocol}`)
  }
  if (url.protocol === 'http:' && !loopbackHosts.has(url.hostname)) {
    throw new TypeError('The Graph base URL must use https unless it points at this machine (127.0.0.1)')
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new TypeError('The Graph base URL must not carry credentials, a query or a fragment')
  }
  if (/\/v\d+\.\d+\/?$/.test(url.pathname)) {
    throw new TypeError('The Graph base URL is the root without the version (the version is a separate setting)')
  }
  return { origin: url.origin, path: url.pathname.replace(/\/+$/, '') }
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (!Number.isFinite(value) || value <= 0) throw new TypeError(`${name} must be a positive number`)
  return value
}

export function resolveOptions(options: GraphClientOptions): ResolvedOptions {
  return {
    baseUrl: validateBaseUrl(options.baseUrl),
    version: validateVersion(options.version ?? DEFAULT_GRAPH_VERSION),
    timeoutMs: positive('timeoutMs', options.timeoutMs, 20_000),
    retry: resolveRetry(options.retry, defaultRetry),
    appSecretProof: options.appSecretProof,
    userAgent: options.userAgent ?? 'Switchboard',
    maxConnections: positive('maxConnections', options.maxConnections, 16),
    log: options.log,
    redactor: options.redactor,
    clock: options.clock,
    random: options.random ?? Math.random,
  }
}

/** Fills a partial retry setting from `base`; `false` means a single try. */
export function resolveRetry(retry: Partial<RetryOptions> | false | undefined, base: RetryOptions): RetryOptions {
  if (retry === false) return { ...base, attempts: 1 }
  const attempts = retry?.attempts ?? base.attempts
  if (!Number.isInteger(attempts) || attempts < 1) throw new TypeError('retry.attempts must be an integer of at least 1')
  return {
    attempts,
    baseDelayMs: positive('retry.baseDelayMs', retry?.baseDelayMs, base.baseDelayMs),
    maxDelayMs: positive('retry.maxDelayMs', retry?.maxDelayMs, base.maxDelayMs),
  }
}
