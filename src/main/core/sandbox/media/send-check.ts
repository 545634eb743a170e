import type { MediaRecord } from '../state'
import { mediaMismatch, type MediaMessageType } from './media-types'

/**
 * Why a message naming media by `id` cannot carry it (the details of its 131053 failure), or null.
 * The media must be an upload of the sending number that has not expired or been deleted, of a
 * type and size the message type takes.
 */
export function mediaSendProblem(type: MediaMessageType, mediaId: string, record: MediaRecord | undefined, phoneNumberId: string): string | null {
  if (!record || record.origin !== 'business' || record.phoneNumberId !== phoneNumberId) {
    return `Media ID ${mediaId} was not found: it was not uploaded by this phone number, or it was deleted or has expired. Upload the file again and send its new ID.`
  }
  return mediaMismatch(type, record)
}
