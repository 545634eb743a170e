import { whatsappError } from '../graph-error'

/** Per business number: at most `perSecond` messages in any one-second window (error 130429). */
export class ThroughputLimiter {
  private readonly sent = new Map<string, number[]>()

  constructor(private readonly perSecond: number) {}

  take(phoneNumberId: string, now: number): void {
    const recent = (this.sent.get(phoneNumberId) ?? []).filter((at) => at > now - 1000)
    if (recent.length >= this.perSecond) {
      this.sent.set(phoneNumberId, recent)
      throw whatsappError(429, 130429, 'Rate limit hit', 'Cloud API message throughput has been reached.')
    }
    recent.push(now)
    this.sent.set(phoneNumberId, recent)
  }
}

const PAIR_REFILL_MS = 6000

/**
 * Meta's pair rate limit: one message per 6 seconds to the same user, with bursts allowed up to a
 * limit (45 on Meta) that then has to be earned back. A token bucket per (number, user) pair.
 */
export class PairLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(private readonly burst: number) {}

  /** `recipient` identifies the person (the sandbox's customer key), however the business addressed them. */
  take(phoneNumberId: string, recipient: string, now: number): void {
    const key = `${phoneNumberId}:${recipient}`
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now }
    const tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) / PAIR_REFILL_MS)
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now })
      throw whatsappError(
        400,
        131056,
        '(Business Account, Consumer Account) pair rate limit hit',
        'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
      )
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now })
  }
}
