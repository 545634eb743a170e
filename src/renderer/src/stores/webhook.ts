import { create } from 'zustand'
import type { AppError, CallResult, ListenerState, RequestSummary, verdicts } from '@shared/contract'
import { api } from '../api'

export type Verdict = (typeof verdicts)[number]
export type RequestDetail = CallResult<'webhook.request'>

interface WebhookStore {
  listener: ListenerState | null
  listenerError: AppError | null
  /** Requests shown, newest first; only those matching the filter. */
  requests: RequestSummary[]
  filter: Verdict | null
  loaded: boolean
  hasMore: boolean
  loadingMore: boolean
  error: AppError | null
  selectedId: number | null
  detail: RequestDetail | null
  detailError: AppError | null
  load: () => Promise<void>
  loadMore: () => Promise<void>
  setFilter: (filter: Verdict | null) => Promise<void>
  select: (id: number | null) => Promise<void>
  /** Requests that reached the listener, from `webhook.request` events (one call per event batch). */
  received: (requests: RequestSummary[]) => void
  setListener: (state: ListenerState) => void
  restart: (port: number) => Promise<AppError | null>
  setRetention: (days: number) => Promise<AppError | null>
}

const PAGE = 200
/** Live requests pile up at the top; past this many the oldest loaded ones are let go (and can be paged in again). */
const KEEP = 5000

const newestFirst = (a: RequestSummary, b: RequestSummary) => b.id - a.id

function mergeRequests(current: RequestSummary[], incoming: RequestSummary[]): RequestSummary[] {
  const known = new Set(current.map((r) => r.id))
  const fresh = incoming.filter((r) => !known.has(r.id))
  return fresh.length ? [...fresh, ...current].sort(newestFirst) : current
}

export const useWebhook = create<WebhookStore>()((set, get) => {
  /** Bumped when the filter changes: pages asked for under another filter are dropped. */
  let epoch = 0
  let detailAsked = 0

  return {
    listener: null,
    listenerError: null,
    requests: [],
    filter: null,
    loaded: false,
    hasMore: false,
    loadingMore: false,
    error: null,
    selectedId: null,
    detail: null,
    detailError: null,

    async load() {
      const started = ++epoch
      const filter = get().filter
      const [status, page] = await Promise.all([api().webhook.status(), api().webhook.requests({ limit: PAGE, ...(filter ? { verdict: filter } : {}) })])
      set(status.ok ? { listener: status.value, listenerError: null } : { listenerError: status.error })
      if (started !== epoch) return
      if (!page.ok) return set({ error: page.error, loaded: true })
      // Requests that arrived live while the page was on its way are kept.
      set((s) => ({ requests: mergeRequests(s.loaded ? s.requests : [], page.value.items), hasMore: page.value.items.length === PAGE, loaded: true, error: null }))
    },

    async loadMore() {
      const { hasMore, loadingMore, requests, filter } = get()
      const last = requests[requests.length - 1]
      if (!hasMore || loadingMore || !last) return
      const started = epoch
      set({ loadingMore: true })
      const page = await api().webhook.requests({ limit: PAGE, beforeId: last.id, ...(filter ? { verdict: filter } : {}) })
      if (started !== epoch) return
      if (!page.ok) return set({ loadingMore: false, error: page.error })
      set((s) => ({ requests: mergeRequests(s.requests, page.value.items), hasMore: page.value.items.length === PAGE, loadingMore: false }))
    },

    async setFilter(filter) {
      if (filter === get().filter) return
      set({ filter, requests: [], loaded: false, hasMore: false, loadingMore: false })
      await get().load()
    },

    async select(id) {
      const asked = ++detailAsked
      set({ selectedId: id, detailError: null, detail: id === null || get().detail?.id !== id ? null : get().detail })
      if (id === null) return
      const result = await api().webhook.request({ id })
      if (asked !== detailAsked) return
      set(result.ok ? { detail: result.value } : { detailError: result.error })
    },

    received(requests) {
      const { loaded, filter } = get()
      if (!loaded) return
      const shown = filter ? requests.filter((r) => r.verdict === filter) : requests
      if (shown.length === 0) return
      set((s) => {
        const merged = mergeRequests(s.requests, shown)
        return merged.length > KEEP ? { requests: merged.slice(0, KEEP), hasMore: true } : { requests: merged }
      })
    },

    setListener(listener) {
      set({ listener, listenerError: null })
    },

    async restart(port) {
      const result = await api().webhook.restart({ port })
      if (!result.ok) {
        // The listener's state (stopped, with the reason) also arrives as an event; fetch it in case.
        const status = await api().webhook.status()
        if (status.ok) set({ listener: status.value })
        return result.error
      }
      set({ listener: result.value, listenerError: null })
      return null
    },

    async setRetention(days) {
      const result = await api().webhook.setRetention({ days })
      if (!result.ok) return result.error
      set({ listener: result.value })
      return null
    },
  }
})
