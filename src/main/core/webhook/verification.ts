import { timingSafeEqual } from 'node:crypto'
import { redactQueryValues } from '../log'

export type VerificationResult = { ok: true; challenge: string } | { ok: false; reason: string }

/**
 * Meta's handshake: `GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…` must be answered
 * with the challenge only when the token matches. Each refusal says why, for the inspector.
 */
export function verifySubscription(query: URLSearchParams, verifyToken: string | undefined): VerificationResult {
  const mode = query.get('hub.mode')
  const token = query.get('hub.verify_token')
  const challenge = query.get('hub.challenge')
  if (mode !== 'subscribe') return { ok: false, reason: mode === null ? 'hub.mode is missing' : `hub.mode is "${mode}", not "subscribe"` }
  if (challenge === null || challenge === '') return { ok: false, reason: 'hub.challenge is missing' }
  if (!verifyToken) return { ok: false, reason: 'The active profile has no verify token: set one in Settings' }
  if (token === null) return { ok: false, reason: 'hub.verify_token is missing' }
  const a = Buffer.from(token)
  const b = Buffer.from(verifyToken)
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, reason: "hub.verify_token does not match the active profile's verify token" }
  return { ok: true, challenge }
}

/** The request path as stored: the verify token never reaches the database. */
export function storedPath(rawUrl: string): string {
  return redactQueryValues(rawUrl, ['hub.verify_token'])
}
