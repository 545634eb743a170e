import { nonexistingField, unknownObject, unknownPath } from '../graph-error'
import { authenticate } from './auth'
import type { GraphContext } from './context'
import { control } from './control-endpoints'
import { deleteMedia, getMedia, uploadMedia } from './media-endpoints'
import { messageTemplates, sendMessage } from './messaging-endpoints'
import { getPhoneNumber, listPhoneNumbers, updatePhoneNumber } from './phone-number-endpoints'
import type { GraphRequest } from './request'
import { CONTROL_SEGMENT } from './request-guard'
import type { GraphResponse } from './server'
import {
  deleteAppSubscription,
  deleteSubscribedApps,
  getAppSubscriptions,
  getSubscribedApps,
  postAppSubscription,
  postSubscribedApps,
} from './subscription-endpoints'
import { debugToken, oauthAccessToken, systemUserAccessTokens } from './token-endpoints'

/** Maps a Graph path (`/{version}/{node}/{edge}`) to its endpoint. */
export async function route(context: GraphContext, request: GraphRequest): Promise<GraphResponse> {
  const [first, second, ...rest] = request.segments
  const method = request.method
  // The control key was checked before the request was read (request-guard.ts).
  if (first === CONTROL_SEGMENT) return control(context, request, request.segments.slice(1))
  if (first === undefined) throw unknownPath('/')
  if (first === 'debug_token' && second === undefined && method === 'GET') return debugToken(context, request)
  if (first === 'oauth' && second === 'access_token' && rest.length === 0) return oauthAccessToken(context, request)
  if (rest.length > 0) throw unknownPath(`/${rest.join('/')}`)

  // Graph authenticates before it looks the node up.
  authenticate(context, request)
  const state = context.store.state
  const phone = context.store.phoneNumber(first)
  const edge = second === undefined ? '' : second
  const key = `${method} ${edge}`

  if (phone) {
    if (key === 'POST messages') return sendMessage(context, request, phone)
    if (key === 'POST media') return uploadMedia(context, request, phone)
    if (key === 'GET ') return getPhoneNumber(context, request, phone)
    if (key === 'POST ') return updatePhoneNumber(context, request, phone)
    throw edgeError(method, first, edge, 'WhatsAppBusinessPhoneNumber')
  }
  if (first === state.waba.id) {
    if (key === 'GET subscribed_apps') return getSubscribedApps(context, request)
    if (key === 'POST subscribed_apps') return postSubscribedApps(context, request)
    if (key === 'DELETE subscribed_apps') return deleteSubscribedApps(context, request)
    if (key === 'GET message_templates') return messageTemplates(context, request)
    if (key === 'GET phone_numbers') return listPhoneNumbers(context, request)
    throw edgeError(method, first, edge, 'WhatsAppBusinessAccount')
  }
  if (first === state.app.id) {
    if (key === 'GET subscriptions') return getAppSubscriptions(context, request)
    if (key === 'POST subscriptions') return postAppSubscription(context, request)
    if (key === 'DELETE subscriptions') return deleteAppSubscription(context, request)
    throw edgeError(method, first, edge, 'Application')
  }
  if (first === state.systemUserId) {
    if (key === 'POST access_tokens') return systemUserAccessTokens(context, request, first)
    throw edgeError(method, first, edge, 'SystemUser')
  }
  // Unknown, deleted and expired media all read as objects that do not exist.
  const media = context.media.find(first)
  if (media) {
    if (key === 'GET ') return getMedia(context, request, media)
    if (key === 'DELETE ') return deleteMedia(context, request, media)
    throw edgeError(method, first, edge, 'WhatsAppBusinessMedia')
  }
  throw unknownObject(method, first)
}

function edgeError(method: string, id: string, edge: string, nodeType: string) {
  return edge === '' || method !== 'GET' ? unknownObject(method, edge === '' ? id : `${id}/${edge}`) : nonexistingField(edge, nodeType)
}
