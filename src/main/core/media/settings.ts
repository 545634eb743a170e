import type { Store } from '../store'

const BUDGET_KEY = 'media.budget_bytes'
const AUTO_KEY = 'media.auto_download_bytes'
export const DEFAULT_BUDGET_BYTES = 1024 * 1024 * 1024
export const DEFAULT_AUTO_DOWNLOAD_BYTES = 5 * 1024 * 1024

export interface MediaLimits {
  budgetBytes: number
  autoDownloadBytes: number
}

function stored(store: Store, key: string, fallback: number): number {
  const value = Number(store.settings.get(key))
  return Number.isSafeInteger(value) && value >= 0 ? value : fallback
}

export function readLimits(store: Store): MediaLimits {
  return { budgetBytes: stored(store, BUDGET_KEY, DEFAULT_BUDGET_BYTES), autoDownloadBytes: stored(store, AUTO_KEY, DEFAULT_AUTO_DOWNLOAD_BYTES) }
}

export function writeLimits(store: Store, limits: Partial<MediaLimits>): void {
  if (limits.budgetBytes !== undefined) store.settings.set(BUDGET_KEY, String(limits.budgetBytes))
  if (limits.autoDownloadBytes !== undefined) store.settings.set(AUTO_KEY, String(limits.autoDownloadBytes))
}
