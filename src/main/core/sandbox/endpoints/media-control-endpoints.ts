import { missingParameter, oauthError, quoted } from '../graph-error'
import { CUSTOMER_MEDIA_KINDS, isCustomerMediaKind } from '../media'
import type { MediaRecord } from '../state'
import type { GraphContext } from './context'
import { businessNumber, optionalByteCount } from './control-parameters'
import type { GraphRequest } from './request'
import type { GraphResponse } from './server'

/** How the controls describe media: the webhook's base64 hash beside Graph's hex one. */
function mediaView(record: MediaRecord): Record<string, unknown> {
  return {
    id: record.id,
    kind: record.kind ?? null,
    mime_type: record.mimeType,
    file_size: record.fileSize,
    sha256: record.sha256,
    sha256_base64: Buffer.from(record.sha256, 'hex').toString('base64'),
    phone_number_id: record.phoneNumberId,
    expires_at: Math.floor(record.expiresAt / 1000),
  }
}

/**
 * `POST /_sandbox/media` `{kind, bytes?, phone_number_id?}`: media a customer could send, held by
 * the business number (the first unless given) for 7 days like any customer's media. Without
 * `bytes`, the kind's real sample file; with it, exactly that many pseudo-random bytes (written
 * as they are made, so size costs disk, not memory).
 */
export async function createCustomerMedia(context: GraphContext, request: GraphRequest): Promise<GraphResponse> {
  const kind = request.params.kind
  if (kind === undefined || kind === '') throw missingParameter('kind')
  if (!isCustomerMediaKind(kind)) throw oauthError(400, 100, `(#100) Param kind must be one of {${CUSTOMER_MEDIA_KINDS.join(', ')}} - got "${quoted(kind)}".`)
  const bytes = optionalByteCount(request.params, 'bytes')
  const record = await context.customers.createMedia(kind, businessNumber(context, request), bytes)
  return { status: 200, body: mediaView(record) }
}
