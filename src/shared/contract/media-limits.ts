import type { MediaKind } from './message-content'

const KB = 1024
const MB = 1024 * KB

export interface MediaLimit {
  /** MIME types Meta accepts for this kind (its "Supported media types"). */
  types: readonly string[]
  maxBytes: number
  /** Animated stickers may be larger than static ones. */
  maxAnimatedBytes?: number
}

/** Meta's "Supported media types", per kind of message: checked before a file is uploaded or sent. */
export const mediaLimits: Record<MediaKind, MediaLimit> = {
  image: { types: ['image/jpeg', 'image/png'], maxBytes: 5 * MB },
  video: { types: ['video/mp4', 'video/3gpp'], maxBytes: 16 * MB },
  audio: { types: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'], maxBytes: 16 * MB },
  document: {
    types: [
      'application/pdf',
      'text/plain',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.ms-powerpoint',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    maxBytes: 100 * MB,
  },
  sticker: { types: ['image/webp'], maxBytes: 100 * KB, maxAnimatedBytes: 500 * KB },
}

/** The type without parameters, lowercase: `audio/ogg; codecs=opus` → `audio/ogg`. */
export const mimeEssence = (type: string): string => (type.split(';')[0] ?? '').trim().toLowerCase()

const size = (bytes: number) => (bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.round(bytes / KB)} KB`)

/** Why Meta would refuse this file as this kind of message, in words; null when it would not. */
export function mediaFileProblem(kind: MediaKind, mimeType: string, bytes: number, animated = false): string | null {
  const limit = mediaLimits[kind]
  const type = mimeEssence(mimeType)
  if (!limit.types.includes(type)) return `WhatsApp does not take ${type || 'a file of unknown type'} as ${kind === 'image' ? 'an' : 'a'} ${kind}: use ${limit.types.join(', ')}`
  if (bytes === 0) return 'The file is empty'
  const max = animated && limit.maxAnimatedBytes ? limit.maxAnimatedBytes : limit.maxBytes
  if (bytes > max) return `The file is ${size(bytes)}; WhatsApp takes ${kind === 'sticker' ? (animated ? 'animated ' : 'static ') : ''}${kind}s up to ${size(max)}`
  return null
}

const typesByExtension: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  mp4: 'video/mp4',
  '3gp': 'video/3gpp',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  amr: 'audio/amr',
  pdf: 'application/pdf',
  txt: 'text/plain',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
}

/** The MIME type a file name's extension stands for, among those WhatsApp takes; null for any other. */
export function mimeTypeOfName(name: string): string | null {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase()
  return (extension && typesByExtension[extension]) ?? null
}
