import { missingParameter, oauthError, quoted } from '../graph-error'
import { parseCallbackUrl } from '../webhooks'
import { requireApp, requireUser } from './auth'
import type { GraphContext } from './context'
import type { GraphRequest } from './request'
import type { GraphResponse } from './server'

const OBJECT = 'whatsapp_business_account'
/** The WhatsApp Business Account webhook fields an app can subscribe to. */
const WABA_FIELDS = new Set([
  'account_alerts',
  'account_review_update',
  'account_update',
  'business_capability_update',
  'calls',
  'flows',
  'history',
  'message_echoes',
  'message_template_components_update',
  'message_template_quality_update',
  'message_template_status_update',
  'messages',
  'phone_number_name_update',
  'phone_number_quality_update',
  'security',
  'smb_app_state_sync',
  'smb_message_echoes',
  'template_category_update',
  'user_preferences',
])

const success = (): GraphResponse => ({ status: 200, body: { success: true } })

function fieldList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String)
  if (typeof value !== 'string') return []
  const text = value.trim()
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text)
      if (Array.isArray(parsed)) return parsed.map(String)
    } catch {
      // fall through to the comma-separated form
    }
  }
  return text.split(',').map((field) => field.trim()).filter((field) => field !== '')
}

function checkObject(request: GraphRequest): void {
  const object = request.params.object
  if (object === undefined || object === '') throw missingParameter('object')
  if (object !== OBJECT) throw oauthError(400, 100, `(#100) The sandbox only simulates the ${OBJECT} object, not "${quoted(object)}"`)
}

/** `GET /{app-id}/subscriptions`. */
export function getAppSubscriptions(context: GraphContext, request: GraphRequest): GraphResponse {
  requireApp(context, request)
  const subscription = context.store.state.appSubscription
  const data = subscription ? [{ object: OBJECT, callback_url: subscription.callbackUrl, active: true, fields: subscription.fields }] : []
  return { status: 200, body: { data } }
}

/**
 * `POST /{app-id}/subscriptions` (app token): verifies the callback with Meta's handshake first,
 * then sets the app's callback and adds the fields, recording the Graph version of the call as
 * the fields' webhook version.
 */
export async function postAppSubscription(context: GraphContext, request: GraphRequest): Promise<GraphResponse> {
  requireApp(context, request)
  checkObject(request)
  const callbackUrl = request.params.callback_url
  if (typeof callbackUrl !== 'string' || callbackUrl === '') throw missingParameter('callback_url')
  const verifyToken = request.params.verify_token
  if (typeof verifyToken !== 'string' || verifyToken === '') throw missingParameter('verify_token')
  const fields = fieldList(request.params.fields)
  if (fields.length === 0) throw missingParameter('fields')
  const unknown = fields.find((field) => !WABA_FIELDS.has(field))
  if (unknown) throw oauthError(400, 100, `(#100) Param fields[${fields.indexOf(unknown)}] must be one of {${[...WABA_FIELDS].sort().join(', ')}} - got "${unknown}".`)
  parseCallbackUrl(callbackUrl)
  await context.verifyCallback(callbackUrl, verifyToken)

  const state = context.store.state
  const kept = (state.appSubscription?.fields ?? []).filter((field) => !fields.includes(field.name))
  state.appSubscription = { callbackUrl, verifyToken, fields: [...kept, ...fields.map((name) => ({ name, version: request.version }))] }
  context.store.changed()
  return success()
}

/** `DELETE /{app-id}/subscriptions?object=…[&fields=…]`: removes fields, or the whole subscription. */
export function deleteAppSubscription(context: GraphContext, request: GraphRequest): GraphResponse {
  requireApp(context, request)
  checkObject(request)
  const state = context.store.state
  const fields = fieldList(request.params.fields)
  if (state.appSubscription && fields.length > 0) {
    state.appSubscription.fields = state.appSubscription.fields.filter((field) => !fields.includes(field.name))
    if (state.appSubscription.fields.length === 0) state.appSubscription = null
  } else {
    state.appSubscription = null
  }
  context.store.changed()
  return success()
}

/** `GET /{waba-id}/subscribed_apps`. */
export function getSubscribedApps(context: GraphContext, request: GraphRequest): GraphResponse {
  requireUser(context, request)
  const { app, waba } = context.store.state
  const data = waba.subscribed
    ? [
        {
          whatsapp_business_api_data: { link: `https://sandbox.switchboard.invalid/apps/${app.id}`, name: app.name, id: app.id },
          ...(waba.overrideCallbackUri ? { override_callback_uri: waba.overrideCallbackUri } : {}),
        },
      ]
    : []
  return { status: 200, body: { data } }
}

/**
 * `POST /{waba-id}/subscribed_apps`: subscribes the app to the WABA; with `override_callback_uri`
 * and `verify_token`, sets the WABA's callback override after the handshake. Posting again
 * without an override removes it.
 */
export async function postSubscribedApps(context: GraphContext, request: GraphRequest): Promise<GraphResponse> {
  requireUser(context, request)
  const waba = context.store.state.waba
  const uri = request.params.override_callback_uri
  if (uri === undefined || uri === '') {
    waba.subscribed = true
    waba.overrideCallbackUri = null
    waba.overrideVerifyToken = null
    context.store.changed()
    return success()
  }
  if (!waba.subscribed) {
    throw oauthError(400, 100, '(#100) Before override the current callback uri, your app must be subscribed to receive messages for WhatsApp Business Account.')
  }
  const verifyToken = request.params.verify_token
  if (typeof verifyToken !== 'string' || verifyToken === '') throw missingParameter('verify_token')
  if (typeof uri !== 'string') throw oauthError(400, 100, '(#100) Param override_callback_uri must be a URL')
  parseCallbackUrl(uri)
  await context.verifyCallback(uri, verifyToken)
  waba.overrideCallbackUri = uri
  waba.overrideVerifyToken = verifyToken
  context.store.changed()
  return success()
}

/** `DELETE /{waba-id}/subscribed_apps`: unsubscribes the app (and with it the WABA override). */
export function deleteSubscribedApps(context: GraphContext, request: GraphRequest): GraphResponse {
  requireUser(context, request)
  const waba = context.store.state.waba
  waba.subscribed = false
  waba.overrideCallbackUri = null
  waba.overrideVerifyToken = null
  context.store.changed()
  return success()
}
