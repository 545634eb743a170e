import { create } from 'zustand'
import type { EventPayload } from '@shared/contract'

export type Notice = EventPayload<'app.notice'> & { id: number }

interface NoticesStore {
  notices: Notice[]
  add: (notice: EventPayload<'app.notice'>) => void
  dismiss: (id: number) => void
}

let nextId = 1
const LIMIT = 5

/** Transient messages from the core; the newest few, dismissible. */
export const useNotices = create<NoticesStore>()((set) => ({
  notices: [],
  add: (notice) => set((s) => ({ notices: [...s.notices, { ...notice, id: nextId++ }].slice(-LIMIT) })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}))
