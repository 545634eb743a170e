import { createHmac, timingSafeEqual } from 'node:crypto'
import { GraphError, oauthError } from '../graph-error'
import type { TokenRecord } from '../state'
import type { GraphContext } from './context'
import type { GraphRequest } from './request'

export type Caller = { kind: 'app' } | { kind: 'user'; record: TokenRecord }

/** `appsecret_proof` = hex HMAC-SHA256 of the access token, keyed with the app secret. */
export function appSecretProof(token: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(token).digest('hex')
}

export function proofMatches(token: string, appSecret: string, proof: string): boolean {
  const expected = Buffer.from(appSecretProof(token, appSecret))
  const given = Buffer.from(proof)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

export function invalidProof(): GraphError {
  return new GraphError(400, { message: 'Invalid appsecret_proof provided in the API argument', type: 'GraphMethodException', code: 100 })
}

function proofRequired(): GraphError {
  return new GraphError(400, { message: 'API calls from the server require an appsecret_proof argument', type: 'GraphMethodException', code: 100 })
}

/**
 * Who is calling: an app token or a valid user/system-user token. Expired or unknown tokens get 190;
 * a wrong `appsecret_proof` is refused, and with "Require App Secret" on so is a user or
 * system-user call without one (app tokens are not affected).
 */
export function authenticate(context: GraphContext, request: GraphRequest): Caller {
  const token = request.token
  if (!token) throw oauthError(400, 104, 'An access token is required to request this resource.')
  const check = context.tokens.check(token)
  if (check.status !== 'valid' && check.status !== 'app') throw context.tokens.failure(check)
  const { app } = context.store.state
  const proof = request.params.appsecret_proof
  if (typeof proof === 'string' && !proofMatches(token, app.secret, proof)) throw invalidProof()
  if (check.status === 'app') return { kind: 'app' }
  if (typeof proof !== 'string' && app.requireAppSecret) throw proofRequired()
  return { kind: 'user', record: check.record }
}

/** WhatsApp endpoints act for a user or system user; an app token is not a messaging token. */
export function requireUser(context: GraphContext, request: GraphRequest): TokenRecord {
  const caller = authenticate(context, request)
  if (caller.kind === 'app') throw oauthError(403, 200, '(#200) Provide a user or system user access token; an app access token cannot act on WhatsApp assets')
  return caller.record
}

export function requireApp(context: GraphContext, request: GraphRequest): void {
  const caller = authenticate(context, request)
  if (caller.kind !== 'app') throw oauthError(400, 15, '(#15) This method must be called with an app access_token.')
}
