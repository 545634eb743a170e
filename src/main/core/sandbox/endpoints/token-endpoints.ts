import { missingParameter, oauthError, unknownObject } from '../graph-error'
import type { TokenRecord } from '../state'
import { authenticate } from './auth'
import type { GraphContext } from './context'
import type { GraphRequest } from './request'
import type { GraphResponse } from './server'

const ok = (body: unknown): GraphResponse => ({ status: 200, body })

function stringParam(request: GraphRequest, name: string): string | undefined {
  const value = request.params[name]
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** `GET /debug_token?input_token=…` with an app token or a valid user token of the app. */
export function debugToken(context: GraphContext, request: GraphRequest): GraphResponse {
  if (!request.token) throw oauthError(400, 100, '(#100) You must provide an app access token, or a user access token that is an owner or developer of the app')
  authenticate(context, request)
  const input = stringParam(request, 'input_token')
  if (!input) throw missingParameter('input_token')
  return ok({ data: context.tokens.debugData(input) })
}

/** `GET /oauth/access_token`: `fb_exchange_token` (long-lived and system-user refresh) and `client_credentials`. */
export function oauthAccessToken(context: GraphContext, request: GraphRequest): GraphResponse {
  const { app } = context.store.state
  const grant = stringParam(request, 'grant_type')
  const clientId = stringParam(request, 'client_id')
  if (!clientId) throw oauthError(400, 101, 'Missing client_id parameter.')
  if (clientId !== app.id) throw oauthError(400, 101, 'Error validating application. Invalid application ID.')
  const secret = stringParam(request, 'client_secret')
  if (!secret) throw oauthError(400, 101, 'Missing client_secret parameter.')
  if (secret !== app.secret) throw oauthError(400, 1, 'Error validating client secret.')

  if (grant === 'client_credentials') return ok({ access_token: context.tokens.appToken().token, token_type: 'bearer' })
  if (grant !== 'fb_exchange_token') {
    if (grant === undefined && stringParam(request, 'code')) throw oauthError(400, 100, 'Invalid verification code format.')
    throw oauthError(400, 100, grant === undefined ? '(#100) The parameter grant_type is required' : `(#100) Unsupported grant_type: ${grant}`)
  }

  const input = stringParam(request, 'fb_exchange_token')
  if (!input) throw missingParameter('fb_exchange_token')
  const check = context.tokens.check(input)
  if (check.status !== 'valid') throw context.tokens.failure(check, 400)
  const issued = exchange(context, check.record, request.params.set_token_expires_in_60_days)
  if (context.store.state.profileToken === input) {
    context.store.state.profileToken = issued.token
    context.store.changed()
  }
  const now = context.runtime.nowSeconds()
  return ok({ access_token: issued.token, token_type: 'bearer', ...(issued.expiresAt === 0 ? {} : { expires_in: issued.expiresAt - now }) })
}

/**
 * Short-lived user tokens become long-lived ones; a long-lived one comes back as it is, with the
 * same expiry (only a new login extends it). System-user tokens stay system-user tokens, expiring
 * when `set_token_expires_in_60_days=true` (or when they already were), never otherwise.
 */
function exchange(context: GraphContext, record: TokenRecord, sixtyDays: unknown): TokenRecord {
  if (record.kind === 'user_long') return record
  if (record.type === 'USER') return context.tokens.issue('user_long', { scopes: record.scopes })
  const expiring = sixtyDays === true || sixtyDays === 'true' || record.kind === 'system_user_expiring'
  return context.tokens.issue(expiring ? 'system_user_expiring' : 'system_user_never', { scopes: record.scopes })
}

/** `POST /{system-user-id}/access_tokens`: an admin system user mints a token for the app. */
export function systemUserAccessTokens(context: GraphContext, request: GraphRequest, systemUserId: string): GraphResponse {
  const state = context.store.state
  // authenticate() has checked a proof that was given; this endpoint also insists on one.
  const caller = authenticate(context, request)
  if (systemUserId !== state.systemUserId) throw unknownObject('POST', systemUserId)
  if (caller.kind !== 'user' || caller.record.type !== 'SYSTEM_USER' || !caller.record.admin) {
    throw oauthError(403, 200, '(#200) Requires an admin system user access token to generate access tokens')
  }
  const businessApp = stringParam(request, 'business_app')
  if (!businessApp) throw missingParameter('business_app')
  if (!stringParam(request, 'appsecret_proof')) throw missingParameter('appsecret_proof')
  if (businessApp !== state.app.id) throw oauthError(400, 100, `(#100) Param business_app must be a valid app ID of the business`)
  const scope = stringParam(request, 'scope')
  if (!scope) throw missingParameter('scope')
  const scopes = scope.split(',').map((item) => item.trim()).filter((item) => item !== '')
  const sixtyDays = request.params.set_token_expires_in_60_days
  const kind = sixtyDays === true || sixtyDays === 'true' ? 'system_user_expiring' : 'system_user_never'
  return ok({ access_token: context.tokens.issue(kind, { scopes }).token })
}
