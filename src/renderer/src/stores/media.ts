import { create } from 'zustand'
import type { AppError, MediaView } from '@shared/contract'
import { api } from '../api'

interface MediaStore {
  /** What is known of each media file shown, by media id. */
  views: Record<string, MediaView>
  /** Media the core knows nothing of (sent by link, or by another client), or that could not be asked about. */
  unknown: Record<string, AppError>
  load: (mediaId: string) => Promise<void>
  download: (mediaId: string) => Promise<void>
  /** A download started, progressed, finished or failed, or a file was evicted. */
  changed: (view: MediaView) => void
  reset: () => void
}

const asking = new Set<string>()

/** The media of the messages on screen; kept fresh by `media.changed` events. */
export const useMedia = create<MediaStore>()((set, get) => ({
  views: {},
  unknown: {},
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
  reset() {
    asking.clear()
    set({ views: {}, unknown: {} })
  },
}))
