import { mp3Audio, mp4Video, oggOpusVoiceNote, pdfDocument, pngImage, pseudoRandomChunks, webpSticker } from '../sample-files'
import type { MediaRecord } from '../state'
import type { MediaLibrary } from './media-library'

/** The inbound message kinds that carry a file. */
export const CUSTOMER_MEDIA_KINDS = ['image', 'audio', 'voice', 'video', 'document', 'sticker'] as const
export type CustomerMediaKind = (typeof CUSTOMER_MEDIA_KINDS)[number]

export function isCustomerMediaKind(value: unknown): value is CustomerMediaKind {
  return typeof value === 'string' && (CUSTOMER_MEDIA_KINDS as readonly string[]).includes(value)
}

/** The type each kind's file has in the customers' webhooks (voice notes as WhatsApp records them). */
export const CUSTOMER_MIME_TYPES: Record<CustomerMediaKind, string> = {
  image: 'image/png',
  audio: 'audio/mpeg',
  voice: 'audio/ogg; codecs=opus',
  video: 'video/mp4',
  document: 'application/pdf',
  sticker: 'image/webp',
}

const EXTENSIONS: Record<CustomerMediaKind, string> = { image: 'png', audio: 'mp3', voice: 'ogg', video: 'mp4', document: 'pdf', sticker: 'webp' }

export interface CustomerFile {
  bytes: Buffer
  filename?: string
}

/** The small real file a customer sends for each kind, its content varied by `seed`. */
export function customerFile(kind: CustomerMediaKind, seed: number): CustomerFile {
  switch (kind) {
    case 'image':
      return { bytes: pngImage(seed) }
    case 'audio':
      return { bytes: mp3Audio(seed) }
    case 'voice':
      return { bytes: oggOpusVoiceNote(seed) }
    case 'video':
      return { bytes: mp4Video(seed) }
    case 'document':
      return { bytes: pdfDocument(seed), filename: 'invoice.pdf' }
    case 'sticker':
      return { bytes: webpSticker(seed) }
  }
}

/** The name a document of pseudo-random bytes goes by: it is not a real PDF, and says so. */
export function sizedFilename(kind: CustomerMediaKind, bytes: number): string {
  return `random-${bytes}-bytes.${EXTENSIONS[kind]}`
}

/** A customer's file for a message of this kind: new media of the business number that receives it. */
export function addCustomerMedia(library: MediaLibrary, kind: CustomerMediaKind, seed: number, phoneNumberId: string): MediaRecord {
  const file = customerFile(kind, seed)
  return library.addBytes(file.bytes, { phoneNumberId, origin: 'customer', mimeType: CUSTOMER_MIME_TYPES[kind], kind, ...(file.filename ? { filename: file.filename } : {}) })
}

/** Customer media of an exact size, pseudo-random bytes streamed to disk (for download and storage tests, not a valid file of its kind). */
export function addSizedCustomerMedia(library: MediaLibrary, kind: CustomerMediaKind, bytes: number, seed: number, phoneNumberId: string): Promise<MediaRecord> {
  return library.addChunks(pseudoRandomChunks(String(seed), bytes), {
    phoneNumberId,
    origin: 'customer',
    mimeType: CUSTOMER_MIME_TYPES[kind],
    kind,
    ...(kind === 'document' ? { filename: sizedFilename(kind, bytes) } : {}),
  })
}

/** The kind a customer sends media as: the one it was made for, else the one its type suggests. */
export function customerKindOf(record: MediaRecord): CustomerMediaKind {
  if (isCustomerMediaKind(record.kind)) return record.kind
  const type = record.mimeType.split(';')[0]?.trim().toLowerCase() ?? ''
  if (type === 'image/webp') return 'sticker'
  if (type.startsWith('image/')) return 'image'
  if (type === 'audio/ogg' || type === 'audio/opus') return 'voice'
  if (type.startsWith('audio/')) return 'audio'
  if (type.startsWith('video/')) return 'video'
  return 'document'
}
