import { create } from 'zustand'
import type { AppError, EventPayload, NoticeView } from '@shared/contract'
import { api } from '../api'

interface MetaNoticesStore {
  items: NoticeView[]
  error: AppError | null
  load: () => Promise<void>
  /** Deliveries were filed: other webhook fields among them may be new notices. */
  changed: (payload: EventPayload<'inbox.changed'>) => void
  reset: () => void
}

const SHOWN = 20
const RELOAD_AFTER_MS = 500

let timer: ReturnType<typeof setTimeout> | undefined

/** What Meta said about the account, its numbers and templates (template status and quality, number quality, account updates). */
export const useMetaNotices = create<MetaNoticesStore>()((set, get) => ({
  items: [],
  error: null,
  async load() {
    const result = await api().inbox.notices({ limit: SHOWN })
    set(result.ok ? { items: result.value.items, error: null } : { error: result.error })
  },
  changed(payload) {
    if (payload.newEvents === 0 || timer) return
    timer = setTimeout(() => {
      timer = undefined
      void get().load()
    }, RELOAD_AFTER_MS)
  },
  reset() {
    set({ items: [], error: null })
    void get().load()
  },
}))
