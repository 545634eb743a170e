import { create } from 'zustand'
import type { AppError, StatsSummary } from '@shared/contract'
import { api } from '../api'
import { CoalescedRefresh } from './coalesced-refresh'

interface StatsStore {
  /** The last 24 hours, for the Overview's strip. */
  day: StatsSummary | null
  error: AppError | null
  load: () => Promise<void>
  /** Deliveries or refreshes happened: read the day again (at most every few seconds). */
  changed: () => void
  reset: () => void
}

/** A busy inbox re-reads the day at most this often. */
const REFRESH_MS = 5_000

export const useStats = create<StatsStore>()((set, get) => {
  const refresh = new CoalescedRefresh(REFRESH_MS, () => get().load())
  return {
    day: null,
    error: null,
    async load() {
      const result = await api().stats.summary()
      set(result.ok ? { day: result.value, error: null } : { error: result.error })
    },
    changed() {
      if (get().day) refresh.add([])
    },
    reset() {
      refresh.cancel()
      set({ day: null, error: null })
    },
  }
})
