import { create } from 'zustand'
import type { AppError, AppInfo } from '@shared/contract'
import { api } from '../api'

interface AppInfoStore {
  info: AppInfo | null
  error: AppError | null
  load: () => Promise<void>
}

export const useAppInfo = create<AppInfoStore>()((set) => ({
  info: null,
  error: null,
  async load() {
    const result = await api().app.info()
    set(result.ok ? { info: result.value, error: null } : { error: result.error })
  },
}))
