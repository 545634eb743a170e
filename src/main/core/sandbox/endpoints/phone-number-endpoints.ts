import { invalidParameter, missingParameter, nonexistingField } from '../graph-error'
import { objectParameter } from '../messaging'
import type { PhoneNumberState } from '../state'
import { parseCallbackUrl } from '../webhooks'
import { requireUser } from './auth'
import type { GraphContext } from './context'
import type { GraphRequest } from './request'
import type { GraphResponse } from './server'

const DEFAULT_FIELDS = ['verified_name', 'code_verification_status', 'display_phone_number', 'quality_rating', 'platform_type', 'throughput', 'id']

function phoneFields(context: GraphContext, phone: PhoneNumberState): Record<string, () => unknown> {
  const state = context.store.state
  return {
    id: () => phone.id,
    display_phone_number: () => phone.display,
    verified_name: () => phone.verifiedName,
    quality_rating: () => 'GREEN',
    code_verification_status: () => 'VERIFIED',
    name_status: () => 'APPROVED',
    platform_type: () => 'CLOUD_API',
    throughput: () => ({ level: 'STANDARD' }),
    status: () => 'CONNECTED',
    account_mode: () => 'LIVE',
    is_official_business_account: () => false,
    messaging_limit_tier: () => 'TIER_250',
    whatsapp_business_manager_messaging_limit: () => 'TIER_250',
    webhook_configuration: () => ({
      ...(phone.overrideCallbackUri ? { phone_number: phone.overrideCallbackUri } : {}),
      ...(state.waba.subscribed && state.waba.overrideCallbackUri ? { whatsapp_business_account: state.waba.overrideCallbackUri } : {}),
      ...(state.appSubscription ? { application: state.appSubscription.callbackUrl } : {}),
    }),
  }
}

/** A phone-number node with the requested `fields` (or Meta's defaults). */
export function phoneNumberNode(context: GraphContext, phone: PhoneNumberState, fields: unknown): Record<string, unknown> {
  const available = phoneFields(context, phone)
  const requested = typeof fields === 'string' && fields.trim() !== '' ? fields.split(',').map((field) => field.trim()) : DEFAULT_FIELDS
  const node: Record<string, unknown> = {}
  for (const field of requested) {
    const read = available[field]
    if (!read) throw nonexistingField(field, 'WhatsAppBusinessPhoneNumber')
    node[field] = read()
  }
  node.id = phone.id
  return node
}

/** `GET /{phone-number-id}`. */
export function getPhoneNumber(context: GraphContext, request: GraphRequest, phone: PhoneNumberState): GraphResponse {
  requireUser(context, request)
  return { status: 200, body: phoneNumberNode(context, phone, request.params.fields) }
}

/** `GET /{waba-id}/phone_numbers`. */
export function listPhoneNumbers(context: GraphContext, request: GraphRequest): GraphResponse {
  requireUser(context, request)
  const data = context.store.state.phoneNumbers.map((phone) => phoneNumberNode(context, phone, request.params.fields))
  return { status: 200, body: { data, paging: { cursors: { before: 'MAZDZD', after: 'MQZDZD' } } } }
}

/**
 * `POST /{phone-number-id}` with `webhook_configuration`: sets the number's callback override after
 * Meta's verification handshake, or removes it when `override_callback_uri` is empty.
 */
export async function updatePhoneNumber(context: GraphContext, request: GraphRequest, phone: PhoneNumberState): Promise<GraphResponse> {
  requireUser(context, request)
  const configuration = objectParameter(request.params, 'webhook_configuration')
  if (!configuration) throw missingParameter('webhook_configuration')
  const uri = configuration.override_callback_uri
  if (uri === undefined) throw missingParameter("webhook_configuration['override_callback_uri']")
  if (uri === '' || uri === null) {
    phone.overrideCallbackUri = null
    phone.overrideVerifyToken = null
    context.store.changed()
    return { status: 200, body: { success: true } }
  }
  const verifyToken = configuration.verify_token
  if (typeof verifyToken !== 'string' || verifyToken === '') throw missingParameter("webhook_configuration['verify_token']")
  if (typeof uri !== 'string') throw invalidParameter("Param webhook_configuration['override_callback_uri'] must be a URL")
  parseCallbackUrl(uri)
  await context.verifyCallback(uri, verifyToken)
  phone.overrideCallbackUri = uri
  phone.overrideVerifyToken = verifyToken
  context.store.changed()
  return { status: 200, body: { success: true } }
}
