import { z } from 'zod'
import { noInput } from '../../schemas'
import { call } from '../define'
import { appError } from '../envelope'
import { mediaKinds } from '../message-content'

/**
 * - `remote`: Meta has it, Switchboard does not (not fetched yet, or evicted to stay within the budget);
 * - `downloading`: on its way, with progress;
 * - `stored`: on disk, checked against Meta's SHA-256, shown from `src`;
 * - `failed`: the last download failed (see `error`); it can be tried again;
 * - `gone`: Meta no longer has it (media from customers can be fetched for 7 days).
 */
export const mediaStates = ['remote', 'downloading', 'stored', 'failed', 'gone'] as const
export type MediaState = (typeof mediaStates)[number]

/** Meta's media ids are digits; anything else that could name a file is refused. */
export const mediaId = z.string().regex(/^[A-Za-z0-9_.-]{1,128}$/, 'A media id is letters, digits, dot, dash or underscore (Meta’s are digits)')

export const mediaView = z.object({
  mediaId: z.string(),
  kind: z.enum(mediaKinds),
  mimeType: z.string().nullable(),
  filename: z.string().nullable(),
  /** Bytes, once Meta has said or the file is stored. */
  size: z.number().int().nonnegative().nullable(),
  state: z.enum(mediaStates),
  error: appError.nullable(),
  progress: z.object({ received: z.number().int().nonnegative(), total: z.number().int().nonnegative().nullable() }).nullable(),
  /** Where the window loads it from (same origin, never a remote URL), while it is stored. */
  src: z.string().nullable(),
})
export type MediaView = z.infer<typeof mediaView>

export const mediaSettings = z.object({
  /** Stored media beyond this are evicted, least recently viewed first. */
  budgetBytes: z.number().int().positive(),
  /** Media up to this size download as they arrive; larger ones on request. 0: never automatically. */
  autoDownloadBytes: z.number().int().nonnegative(),
  usedBytes: z.number().int().nonnegative(),
  files: z.number().int().nonnegative(),
})
export type MediaSettings = z.infer<typeof mediaSettings>

const GIB = 1024 * 1024 * 1024

export const mediaCalls = {
  'media.get': call({
    summary: 'What is known of a message’s media (state, size, progress) and, once stored, where to load it from',
    input: z.strictObject({ mediaId }),
    result: mediaView,
  }),
  'media.list': call({
    summary: 'What is known of several media at once (a thread’s); `unknown`: ids no message of this profile carries',
    input: z.strictObject({ mediaIds: z.array(mediaId).max(200) }),
    result: z.object({ items: z.array(mediaView), unknown: z.array(z.string()) }),
  }),
  'media.download': call({
    summary: 'Fetch a media file from Meta now (progress arrives as media.changed events); resolves once it is stored or has failed',
    input: z.strictObject({ mediaId }),
    result: mediaView,
  }),
  'media.settings': call({ summary: 'The media cache: its budget, the auto-download limit and what is stored', input: noInput, result: mediaSettings }),
  'media.setSettings': call({
    summary: 'Change the media budget or the auto-download limit',
    input: z.strictObject({
      budgetBytes: z
        .number()
        .int()
        .min(64 * 1024 * 1024)
        .max(1024 * GIB)
        .optional(),
      autoDownloadBytes: z
        .number()
        .int()
        .min(0)
        .max(100 * 1024 * 1024)
        .optional(),
    }),
    result: mediaSettings,
  }),
}
