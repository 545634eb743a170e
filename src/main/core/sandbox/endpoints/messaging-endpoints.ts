import { invalidParameter } from '../graph-error'
import { listedTemplate, TEMPLATES } from '../messaging'
import type { PhoneNumberState } from '../state'
import { requireUser } from './auth'
import type { GraphContext } from './context'
import type { GraphRequest } from './request'
import type { GraphResponse } from './server'

/** `POST /{phone-number-id}/messages`. */
export function sendMessage(context: GraphContext, request: GraphRequest, phone: PhoneNumberState): GraphResponse {
  requireUser(context, request)
  const body: Record<string, unknown> = { ...request.params }
  delete body.access_token
  delete body.appsecret_proof
  return { status: 200, body: context.outbound.send(phone, body) }
}

/** `GET /{waba-id}/message_templates`, filtered by `name`, `status`, `language` as Meta allows. */
export function messageTemplates(context: GraphContext, request: GraphRequest): GraphResponse {
  requireUser(context, request)
  const { name, status, language, limit } = request.params
  let templates = TEMPLATES.filter(
    (template) =>
      (typeof name !== 'string' || template.name === name) &&
      (typeof language !== 'string' || template.language === language) &&
      (typeof status !== 'string' || status.toUpperCase() === 'APPROVED'),
  )
  if (limit !== undefined) {
    const max = Number(limit)
    if (!Number.isInteger(max) || max < 1) throw invalidParameter('Param limit must be a positive integer')
    templates = templates.slice(0, max)
  }
  const wabaId = context.store.state.waba.id
  const data = templates.map((template) => listedTemplate(wabaId, template))
  const cursor = (index: number) => Buffer.from(String(index)).toString('base64url')
  return { status: 200, body: { data, paging: { cursors: { before: cursor(0), after: cursor(Math.max(0, data.length - 1)) } } } }
}
