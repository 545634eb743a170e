import type { Readable } from 'node:stream'
import { fail, mediaKinds, ok, SwitchboardError, type AppError, type Envelope, type MediaKind, type MediaView } from '@shared/contract'
import type { MediaUpload } from '../core'

export interface UploadAnswer {
  status: number
  body: Envelope<MediaView>
}

const statusOf: Partial<Record<AppError['code'], number>> = { invalid_input: 400, forbidden: 403, not_configured: 409, token_expired: 401 }

/** Reads what the query says of the file, checks it, and hands the body to the core: one answer as an envelope. */
export async function receiveUpload(url: URL, body: Readable, uploadMedia: (upload: MediaUpload) => Promise<MediaView>): Promise<UploadAnswer> {
  const kind = url.searchParams.get('kind') ?? ''
  const mimeType = url.searchParams.get('type') ?? ''
  // eslint-disable-next-line no-control-regex -- a file name keeps no control characters or folders
  const filename = (url.searchParams.get('filename') ?? '').replace(/[\u0000-\u001f\u007f/\\]/g, '').slice(0, 240)
  const uploadId = url.searchParams.get('upload') ?? undefined
  const problem = !(mediaKinds as readonly string[]).includes(kind)
    ? `kind must be one of ${mediaKinds.join(', ')}`
    : !/^[\w.+-]+\/[\w.+-]+(;.*)?$/.test(mimeType)
      ? 'type must be a MIME type'
      : filename === ''
        ? 'filename is missing'
        : uploadId !== undefined && !/^[\w-]{1,64}$/.test(uploadId)
          ? 'upload must be letters, digits, dash or underscore'
          : null
  if (problem) {
    body.resume()
    return { status: 400, body: fail({ code: 'invalid_input', message: `The upload cannot be read: ${problem}` }) }
  }
  try {
    return { status: 200, body: ok(await uploadMedia({ kind: kind as MediaKind, mimeType, filename, body, ...(uploadId ? { uploadId } : {}) })) }
  } catch (error) {
    body.resume()
    const appError: AppError = error instanceof SwitchboardError ? error.toJSON() : { code: 'internal', message: 'The upload failed inside Switchboard' }
    return { status: statusOf[appError.code] ?? 502, body: fail(appError) }
  }
}
