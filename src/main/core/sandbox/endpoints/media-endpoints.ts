import { missingParameter, oauthError, quoted, unknownObject } from '../graph-error'
import { downloadUrl, fileTooLarge, isAnimatedWebp, isUploadType, maxUploadBytes, mimeEssence, uploadTypeError } from '../media'
import type { MediaRecord, PhoneNumberState } from '../state'
import { requireUser } from './auth'
import type { GraphContext } from './context'
import type { GraphRequest } from './request'
import type { GraphResponse } from './server'

/** With `phone_number_id`, Meta acts only on media of that number: other media reads as not existing. */
function checkOwner(request: GraphRequest, record: MediaRecord): void {
  const owner = request.params.phone_number_id
  if (typeof owner === 'string' && owner !== '' && owner !== record.phoneNumberId) throw unknownObject(request.method, record.id)
}

/** `GET /{media-id}`: the download URL (valid 5 minutes), type, hex SHA-256 and size. */
export function getMedia(context: GraphContext, request: GraphRequest, record: MediaRecord): GraphResponse {
  requireUser(context, request)
  checkOwner(request, record)
  const url = downloadUrl(context.baseUrl(), record.id, context.runtime.nowSeconds(), context.store.state.app.secret)
  // Meta's reference says file_size is a string; its answers carry a number.
  return { status: 200, body: { messaging_product: 'whatsapp', url, mime_type: record.mimeType, sha256: record.sha256, file_size: record.fileSize, id: record.id } }
}

/** `DELETE /{media-id}`. */
export function deleteMedia(context: GraphContext, request: GraphRequest, record: MediaRecord): GraphResponse {
  requireUser(context, request)
  checkOwner(request, record)
  context.media.delete(record.id)
  return { status: 200, body: { success: true } }
}

/** The type Meta judges an upload by: the file part's own, unless it sent none (or only the generic one); then `type`. */
function uploadedType(partType: string | null, declared: unknown): string {
  const own = partType?.trim() ?? ''
  if (own !== '' && mimeEssence(own) !== 'application/octet-stream') return own
  return typeof declared === 'string' && declared.trim() !== '' ? declared.trim() : own || 'application/octet-stream'
}

/**
 * `POST /{phone-number-id}/media` (multipart/form-data: `messaging_product=whatsapp`, `file`,
 * optional `type`): keeps the file as the number's media for 30 days and answers its id.
 */
export function uploadMedia(context: GraphContext, request: GraphRequest, phone: PhoneNumberState): GraphResponse {
  requireUser(context, request)
  const product = request.params.messaging_product
  if (product === undefined || product === '') throw missingParameter('messaging_product')
  if (product !== 'whatsapp') throw oauthError(400, 100, `(#100) Param messaging_product must be one of {WHATSAPP} - got "${quoted(product)}".`)
  const file = request.files.find((candidate) => candidate.field === 'file')
  if (!file) throw missingParameter('file')
  const type = uploadedType(file.contentType, request.params.type)
  if (!isUploadType(type)) throw uploadTypeError(type)
  if (file.size === 0) throw oauthError(400, 100, '(#100) Param file must not be empty')
  if (file.size > maxUploadBytes(type)) throw fileTooLarge()
  const record = context.media.adopt(file, {
    phoneNumberId: phone.id,
    origin: 'business',
    mimeType: type,
    ...(file.filename ? { filename: file.filename } : {}),
    ...(mimeEssence(type) === 'image/webp' && isAnimatedWebp(file.path) ? { animated: true } : {}),
  })
  return { status: 200, body: { id: record.id } }
}
