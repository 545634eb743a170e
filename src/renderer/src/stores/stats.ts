import { create } from 'zustand'
import type { AppError, StatsSummary } from '@shared/contract'
import { api } from '../api'
import { LiveSummary } from './live-summary'

interface StatsStore {
  /** The last 24 hours, for the Overview's strip. */
  day: StatsSummary | null
  error: AppError | null
  load: () => Promise<void>
  /** Deliveries or refreshes happened: move the strip's last buckets (and read the day again now and then). */
  changed: () => void
  reset: () => void
}

export const useStats = create<StatsStore>()((set, get) => {
  const live = new LiveSummary(
    () => get().day,
    (day) => set({ day }),
    () => get().load(),
  )
  return {
    day: null,
    error: null,
    async load() {
      const result = await api().stats.summary()
      set(result.ok ? { day: result.value, error: null } : { error: result.error })
    },
    changed() {
      live.changed()
    },
    reset() {
      live.cancel()
      set({ day: null, error: null })
    },
  }
})
