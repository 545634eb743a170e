import { missingParameter, oauthError, unknownPath } from '../graph-error'
import { sandboxEnv } from '../sandbox-env'
import type { TokenKind } from '../state'
import type { GraphContext } from './context'
import { optionalBoolean } from './control-parameters'
import { customerMessage, customerPreference, listCustomers } from './customer-control-endpoints'
import { createCustomerMedia } from './media-control-endpoints'
import type { GraphRequest } from './request'
import type { GraphResponse } from './server'

const TOKEN_KINDS: readonly TokenKind[] = ['system_user_expiring', 'system_user_never', 'user_short', 'user_temporary', 'user_long', 'app']

/**
 * Sandbox-only controls under `/_sandbox/…` (not part of Graph): the `.env` block, minting tokens
 * of any kind, revoking them, the app's "Require App Secret" setting, making simulated customers
 * write (with media of any size) or change their preferences. Loopback-only like the rest, and only with this
 * run's control key (checked before the request is read, in request-guard.ts).
 */
export function control(context: GraphContext, request: GraphRequest, path: string[]): GraphResponse | Promise<GraphResponse> {
  const route = `${request.method} ${path.join('/')}`
  const { params } = request
  switch (route) {
    case 'GET env':
      return ok(sandboxEnv(context.store.state, context.baseUrl()))
    case 'POST tokens': {
      const kind = params.kind
      if (typeof kind !== 'string' || !(TOKEN_KINDS as readonly string[]).includes(kind)) {
        throw oauthError(400, 100, `(#100) Param kind must be one of {${TOKEN_KINDS.join(', ')}}`)
      }
      const record = context.tokens.issue(kind as TokenKind)
      return ok({ access_token: record.token, kind, expires_at: record.expiresAt })
    }
    case 'POST tokens/revoke': {
      if (typeof params.token !== 'string' || params.token === '') throw missingParameter('token')
      return ok({ success: context.tokens.revoke(params.token) })
    }
    case 'GET app':
      return ok({ require_app_secret: context.store.state.app.requireAppSecret })
    case 'POST app': {
      const requireAppSecret = optionalBoolean(params, 'require_app_secret')
      if (requireAppSecret === undefined) throw missingParameter('require_app_secret')
      context.store.state.app.requireAppSecret = requireAppSecret
      context.store.changed()
      return ok({ success: true, require_app_secret: requireAppSecret })
    }
    case 'GET customers':
      return listCustomers(context)
    case 'POST customers/messages':
      return customerMessage(context, request)
    case 'POST customers/preferences':
      return customerPreference(context, request)
    case 'POST media':
      return createCustomerMedia(context, request)
    case 'POST customers/start':
      context.customers.start()
      return ok({ success: true, running: true })
    case 'POST customers/stop':
      context.customers.stop()
      return ok({ success: true, running: false })
    default:
      throw unknownPath(`/_sandbox/${path.join('/')}`)
  }
}

function ok(body: unknown): GraphResponse {
  return { status: 200, body }
}
