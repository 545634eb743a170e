import { isInboundKind } from '../customers'
import { missingParameter, oauthError, quoted } from '../graph-error'
import type { GraphContext } from './context'
import { optionalBoolean, optionalString } from './control-parameters'
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

/** `POST /_sandbox/customers/messages`: a customer writes in now. */
export function customerMessage(context: GraphContext, request: GraphRequest): GraphResponse {
  const { params } = request
  const type = params.type ?? 'text'
  if (!isInboundKind(type)) throw oauthError(400, 100, `(#100) Param type is not an inbound message type the sandbox knows: "${quoted(type)}"`)
  const from = optionalString(params, 'from')
  const username = optionalBoolean(params, 'username')
  const phoneNumberId = businessNumber(context, request)
  return ok(
    context.customers.send({
      type,
      ...(from ? { from } : {}),
      ...(username === undefined ? {} : { username }),
      ...(phoneNumberId ? { phoneNumberId } : {}),
    }),
  )
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

function businessNumber(context: GraphContext, request: GraphRequest): string | undefined {
  const id = optionalString(request.params, 'phone_number_id')
  if (id && !context.store.phoneNumber(id)) throw oauthError(400, 100, `(#100) Unknown phone_number_id ${id}`)
  return id
}

function ok(body: unknown): GraphResponse {
  return { status: 200, body }
}
