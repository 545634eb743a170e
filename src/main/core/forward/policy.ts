/** How the outbox retries, pauses and probes. Tests and benchmarks shorten the waits. */
export interface ForwardPolicy {
  /**
   * Requests in flight to one target at once. Under a saturating load the event loop's lag, not
   * the bot, bounds each request, so fewer cannot keep up with ingest (16 forwarded about half as
   * fast as Meta's deliveries came in); more takes the CPU from acknowledging them.
   */
  concurrency: number
  /** The first retry of a failed delivery comes after about this long; each next one waits twice as long… */
  firstRetryMs: number
  /** …up to this. */
  maxRetryMs: number
  /** Failures in a row after which a target is paused (probed now and then instead of flooded with retries). */
  pauseAfterFailures: number
  /** A paused target is probed after this long, then twice as long each time it still fails… */
  firstProbeMs: number
  /** …up to this. */
  maxProbeMs: number
  /** A bot that has not answered in this long has failed. */
  timeoutMs: number
  /** The outbox also looks this often in wall time (another process may have queued replays or resumed a target). */
  idlePollMs: number
}

export const DEFAULT_FORWARD_POLICY: ForwardPolicy = {
  concurrency: 32,
  firstRetryMs: 1_000,
  maxRetryMs: 10 * 60 * 1000,
  pauseAfterFailures: 5,
  firstProbeMs: 5_000,
  maxProbeMs: 60_000,
  timeoutMs: 10_000,
  idlePollMs: 1_000,
}

/** How long a failed forward is retried by default before it is given up (the operator can change it). */
export const DEFAULT_HORIZON_HOURS = 24

/**
 * Exponential backoff with jitter: the n-th retry waits between half and all of
 * `first × 2^(n-1)` (capped), so a bot that comes back is not hit by every retry at once.
 */
export function retryDelay(attempt: number, policy: Pick<ForwardPolicy, 'firstRetryMs' | 'maxRetryMs'>, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxRetryMs, policy.firstRetryMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}
