import { oauthError, type GraphError } from '../graph-error'

const KB = 1024
const MB = 1024 * KB

/** The message types that carry media. */
export type MediaMessageType = 'audio' | 'document' | 'image' | 'sticker' | 'video'

interface MediaRule {
  /** How Meta names the kind in its error details ("Unsupported Video mime type …"). */
  label: string
  /** `any`: WhatsApp sends any file as a document. */
  mimeTypes: readonly string[] | 'any'
  maxBytes: number
  /** Animated stickers may be larger than static ones. */
  maxAnimatedBytes?: number
}

/** Meta's "Supported media types": what each message type accepts, and up to what size. */
export const MEDIA_RULES: Record<MediaMessageType, MediaRule> = {
  audio: { label: 'Audio', mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg', 'audio/opus'], maxBytes: 16 * MB },
  document: { label: 'Document', mimeTypes: 'any', maxBytes: 100 * MB },
  image: { label: 'Image', mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * MB },
  sticker: { label: 'Sticker', mimeTypes: ['image/webp'], maxBytes: 100 * KB, maxAnimatedBytes: 500 * KB },
  video: { label: 'Video', mimeTypes: ['video/3gpp', 'video/mp4'], maxBytes: 16 * MB },
}

/** What `POST /{phone-number-id}/media` accepts, in the order Meta's error message lists them. */
export const UPLOAD_TYPES = [
  'audio/aac',
  'audio/mp4',
  'audio/mpeg',
  'audio/amr',
  'audio/ogg',
  'audio/opus',
  'application/vnd.ms-powerpoint',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/pdf',
  'text/plain',
  'application/vnd.ms-excel',
  'image/jpeg',
  'image/png',
  'image/webp',
  'video/mp4',
  'video/3gpp',
] as const

/** The type without parameters, lowercase: `audio/ogg; codecs=opus` → `audio/ogg`. */
export function mimeEssence(type: string): string {
  return (type.split(';')[0] ?? '').trim().toLowerCase()
}

export function isUploadType(type: string): boolean {
  return (UPLOAD_TYPES as readonly string[]).includes(mimeEssence(type))
}

function accepts(rule: MediaRule, type: string): boolean {
  return rule.mimeTypes === 'any' || rule.mimeTypes.includes(mimeEssence(type))
}

/** The largest file of this type that some message type could carry: above it an upload is pointless. */
export function maxUploadBytes(type: string): number {
  return Math.max(...Object.values(MEDIA_RULES).map((rule) => (accepts(rule, type) ? Math.max(rule.maxBytes, rule.maxAnimatedBytes ?? 0) : 0)))
}

export function uploadTypeError(received: string): GraphError {
  return oauthError(400, 100, `(#100) Param file must be a file with one of the following types: ${UPLOAD_TYPES.join(', ')}. Received file of type '${received}'.`)
}

/** Meta documents no error for an oversized upload; this wording is reported by third parties. */
export function fileTooLarge(): GraphError {
  return oauthError(400, 100, '(#100) Invalid parameter: File Too Large')
}

function readableSize(bytes: number): string {
  return bytes >= MB ? `${bytes / MB}MB` : `${bytes / KB}KB`
}

/**
 * Why a media file cannot go out as this message type (the details of a 131053 failure), or null
 * when it can: a type the message type does not take, or a file above its limit.
 */
export function mediaMismatch(type: MediaMessageType, media: { mimeType: string; fileSize: number; animated?: boolean }): string | null {
  const rule = MEDIA_RULES[type]
  if (rule.mimeTypes !== 'any' && !accepts(rule, media.mimeType)) {
    return `Unsupported ${rule.label} mime type ${mimeEssence(media.mimeType)}. Please use one of ${rule.mimeTypes.join(', ')}.`
  }
  const limit = media.animated && rule.maxAnimatedBytes ? rule.maxAnimatedBytes : rule.maxBytes
  if (media.fileSize > limit) {
    const what = type === 'sticker' ? `${media.animated ? 'Animated' : 'Static'} sticker` : `${rule.label}`
    return `${what} file size ${media.fileSize} bytes is too big. Max file size we currently support: ${readableSize(limit)}. Please choose a different file.`
  }
  return null
}
