import { isInboundKind } from '../customers'
import { missingParameter, oauthError, quoted, unknownPath } from '../graph-error'
import { sandboxEnv } from '../sandbox-env'
import type { TokenKind } from '../state'
import type { GraphContext } from './context'
import type { GraphRequest } from './request'
import type { GraphResponse } from './server'

const TOKEN_KINDS: readonly TokenKind[] = ['system_user_expiring', 'system_user_never', 'user_short', 'user_long', 'app']
const WINDOW_MS = 24 * 60 * 60 * 1000

/**
 * Sandbox-only controls under `/_sandbox/…` (not part of Graph): the `.env` block, minting tokens
 * of any kind, revoking them, and making simulated customers write. Loopback-only like the rest.
 */
export function control(context: GraphContext, request: GraphRequest, path: string[]): GraphResponse {
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
    case 'GET customers':
      return ok({
        data: context.store.state.customers.map((customer) => ({
          wa_id: customer.waId,
          name: customer.name,
          window_open: customer.lastInboundAt !== null && context.runtime.now() - customer.lastInboundAt < WINDOW_MS,
        })),
        running: context.customers.isRunning,
      })
    case 'POST customers/messages': {
      const type = params.type ?? 'text'
      if (!isInboundKind(type)) throw oauthError(400, 100, `(#100) Param type is not an inbound message type the sandbox knows: "${quoted(type)}"`)
      const from = typeof params.from === 'string' && params.from !== '' ? params.from : undefined
      const phoneNumberId = typeof params.phone_number_id === 'string' && params.phone_number_id !== '' ? params.phone_number_id : undefined
      if (phoneNumberId && !context.store.phoneNumber(phoneNumberId)) throw oauthError(400, 100, `(#100) Unknown phone_number_id ${phoneNumberId}`)
      return ok(context.customers.send({ type, ...(from ? { from } : {}), ...(phoneNumberId ? { phoneNumberId } : {}) }))
    }
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
