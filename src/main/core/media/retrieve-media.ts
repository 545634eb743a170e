import { SwitchboardError } from '@shared/contract'
import { GraphError } from '../graph'
import type { AuthorisedCall } from '../token'

/** Where Meta serves a media file for the next five minutes, and what it says of the file. */
export interface MediaLocation {
  url: string
  mimeType: string | null
  /** Hex, as `GET /{media-id}` spells it. */
  sha256: string | null
  size: number | null
}

type Json = Record<string, unknown>

/**
 * `GET /{media-id}` (with `phone_number_id`, so only this number's media answer). Meta documents
 * `file_size` as a string and answers with a number: both are read.
 */
export async function retrieveMedia(auth: AuthorisedCall, mediaId: string, phoneNumberId: string | null): Promise<MediaLocation> {
  const response = await auth.graph.get(mediaId, {
    token: auth.token,
    appSecretProof: auth.proof,
    ...(phoneNumberId ? { query: { phone_number_id: phoneNumberId } } : {}),
  })
  const body = (response.data ?? {}) as Json
  if (typeof body.url !== 'string' || body.url === '') {
    throw new SwitchboardError({ code: 'graph', message: `Graph answered GET /${mediaId} without a download URL` })
  }
  const size = typeof body.file_size === 'number' ? body.file_size : typeof body.file_size === 'string' && /^\d+$/.test(body.file_size) ? Number(body.file_size) : null
  return {
    url: body.url,
    mimeType: typeof body.mime_type === 'string' ? body.mime_type : null,
    sha256: typeof body.sha256 === 'string' ? body.sha256 : null,
    size: size !== null && Number.isSafeInteger(size) ? size : null,
  }
}

/** Graph's answer for an id it does not have (any more): `100`, subcode `33`, "Unsupported get request". */
export function isGoneAtMeta(error: unknown): boolean {
  return error instanceof GraphError && error.graphCode === 100 && error.subcode === 33
}
