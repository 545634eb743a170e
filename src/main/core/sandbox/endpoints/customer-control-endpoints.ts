import { isInboundKind } from '../customers'
import { missingParameter, oauthError, quoted } from '../graph-error'
import type { GraphContext } from './context'
import { businessNumber, optionalBoolean, optionalByteCount, optionalString } from './control-parameters'
import type { GraphRequest } from './request'
import type { GraphResponse } from './server'

const WINDOW_MS = 24 * 60 * 60 * 1000

/** `GET /_sandbox/customers`: who is there, what the business may see of them, and their windows. */
export function listCustomers(context: GraphContext): GraphResponse {
  const now = context.runtime.now()
  return ok({
    data: context.store.state.customers.map((customer) => ({
      wa_id: customer.phoneOnRecord ? customer.waId : null,
      user_id: customer.userId,
      username: customer.username,
      name: customer.name,
      window_open: customer.lastInboundAt !== null && now - customer.lastInboundAt < WINDOW_MS,
      marketing_messages: customer.marketingStopped ? 'stop' : 'resume',
    })),
    running: context.customers.isRunning,
  })
}

/**
 * `POST /_sandbox/customers/messages`: a customer writes in now. With `media_id` they send that
 * media (created by `POST /_sandbox/media`; `type` defaults to its kind); with `media_bytes`, a new
 * file of that many pseudo-random bytes of `type`'s kind.
 */
export async function customerMessage(context: GraphContext, request: GraphRequest): Promise<GraphResponse> {
  const { params } = request
  const mediaId = optionalString(params, 'media_id')
  const mediaBytes = optionalByteCount(params, 'media_bytes')
  if (mediaId && mediaBytes !== undefined) throw oauthError(400, 100, '(#100) Give media_id or media_bytes, not both')
  const type = params.type ?? (mediaId ? undefined : 'text')
  if (type !== undefined && !isInboundKind(type)) throw oauthError(400, 100, `(#100) Param type is not an inbound message type the sandbox knows: "${quoted(type)}"`)
  const from = optionalString(params, 'from')
  const username = optionalBoolean(params, 'username')
  const phoneNumberId = businessNumber(context, request)
  const input = {
    ...(type === undefined ? {} : { type }),
    ...(from ? { from } : {}),
    ...(username === undefined ? {} : { username }),
    ...(phoneNumberId ? { phoneNumberId } : {}),
    ...(mediaId ? { mediaId } : {}),
  }
  return ok(mediaBytes === undefined ? context.customers.send(input) : await context.customers.sendSized(input, mediaBytes))
}

/** `POST /_sandbox/customers/preferences`: a customer stops or resumes marketing messages. */
export function customerPreference(context: GraphContext, request: GraphRequest): GraphResponse {
  const from = optionalString(request.params, 'from')
  if (!from) throw missingParameter('from')
  const value = request.params.value
  if (value === undefined || value === '') throw missingParameter('value')
  if (value !== 'stop' && value !== 'resume') throw oauthError(400, 100, `(#100) Param value must be one of {stop, resume} - got "${quoted(value)}".`)
  context.customers.setMarketingPreference(from, value, businessNumber(context, request))
  return ok({ success: true })
}

function ok(body: unknown): GraphResponse {
  return { status: 200, body }
}
