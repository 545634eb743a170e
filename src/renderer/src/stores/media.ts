import { create } from 'zustand'
import type { AppError, EventPayload, MediaView } from '@shared/contract'
import { api } from '../api'

interface MediaStore {
  /** What is known of each media file shown, by media id. */
  views: Record<string, MediaView>
  /** Media the core knows nothing of (sent by link, or by another client), or that could not be asked about. */
  unknown: Record<string, AppError>
  load: (mediaId: string) => Promise<void>
  download: (mediaId: string) => Promise<void>
  /** Bytes of each upload sent to Meta so far, by the upload's id. */
  uploads: Record<string, { sent: number; total: number }>
  /** A download started, progressed, finished or failed, or a file was evicted. */
  changed: (view: MediaView) => void
  uploading: (progress: EventPayload<'media.uploading'>) => void
  /** How each upload ended: the new media's id, or why it failed; kept when the form that started it is gone. */
  finished: Record<string, { mediaId: string } | { problem: string }>
  finishUpload: (uploadId: string, outcome: { mediaId: string } | { problem: string }) => void
  reset: () => void
}

const asking = new Set<string>()
/** Ids asked for in this tick: one `media.list` for a whole thread, not a call per message. */
let batch: string[] = []
/** The contract's limit of one `media.list`. */
const LIST_MAX = 200

/** The media of the messages on screen; kept fresh by `media.changed` events. */
export const useMedia = create<MediaStore>()((set, get) => ({
  views: {},
  unknown: {},
  uploads: {},
  finished: {},
  async load(mediaId) {
    if (get().views[mediaId] || asking.has(mediaId)) return
    asking.add(mediaId)
    batch.push(mediaId)
    if (batch.length > 1) return
    await Promise.resolve()
    const mediaIds = batch.slice(0, LIST_MAX)
    batch = batch.slice(LIST_MAX)
    if (batch.length > 0) {
      const rest = batch
      batch = []
      for (const id of rest) asking.delete(id)
      for (const id of rest) void get().load(id)
    }
    const result = await api().media.list({ mediaIds })
    for (const id of mediaIds) asking.delete(id)
    if (!result.ok) return set((state) => ({ unknown: { ...state.unknown, ...Object.fromEntries(mediaIds.map((id) => [id, result.error])) } }))
    const missing: AppError = { code: 'not_found', message: 'No message of this profile carries this media' }
    set((state) => ({
      views: { ...state.views, ...Object.fromEntries(result.value.items.map((view) => [view.mediaId, view])) },
      unknown: { ...state.unknown, ...Object.fromEntries(result.value.unknown.map((id) => [id, missing])) },
    }))
  },
  async download(mediaId) {
    const result = await api().media.download({ mediaId })
    if (result.ok) get().changed(result.value)
    else set((state) => ({ unknown: { ...state.unknown, [mediaId]: result.error } }))
  },
  changed(view) {
    set((state) => ({ views: { ...state.views, [view.mediaId]: view } }))
  },
  uploading({ uploadId, sent, total }) {
    set((state) => ({ uploads: { ...state.uploads, [uploadId]: { sent, total } } }))
  },
  finishUpload(uploadId, outcome) {
    set((state) => ({ finished: { ...state.finished, [uploadId]: outcome } }))
  },
  reset() {
    asking.clear()
    set({ views: {}, unknown: {}, uploads: {}, finished: {} })
  },
}))
