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

/** The media of the messages on screen; kept fresh by `media.changed` events. */
export const useMedia = create<MediaStore>()((set, get) => ({
  views: {},
  unknown: {},
  uploads: {},
  finished: {},
  async load(mediaId) {
    if (get().views[mediaId] || asking.has(mediaId)) return
    asking.add(mediaId)
    const result = await api().media.get({ mediaId })
    asking.delete(mediaId)
    if (result.ok) get().changed(result.value)
    else set((state) => ({ unknown: { ...state.unknown, [mediaId]: result.error } }))
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
