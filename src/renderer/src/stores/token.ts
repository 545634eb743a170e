import { create } from 'zustand'
import type { AppError, EventPayload, RefreshLogEntryView, RefreshOutcome, TokenStatus } from '@shared/contract'
import { api } from '../api'

type OutcomeFilter = 'all' | RefreshOutcome

interface TokenStore {
  status: TokenStatus | null
  /** Core clock minus this machine's, so countdowns agree with the core. */
  offset: number
  error: AppError | null
  log: RefreshLogEntryView[]
  filter: OutcomeFilter
  refreshing: boolean
  lastResult: RefreshLogEntryView | null
  load: () => Promise<void>
  inspect: () => Promise<void>
  refresh: () => Promise<void>
  setFilter: (filter: OutcomeFilter) => void
  onStatus: (status: TokenStatus) => void
  onLogged: (entry: EventPayload<'token.logged'>) => void
}

export const useToken = create<TokenStore>()((set, get) => ({
  status: null,
  offset: 0,
  error: null,
  log: [],
  filter: 'all',
  refreshing: false,
  lastResult: null,

  async load() {
    const status = await api().token.status()
    if (!status.ok) return set({ status: null, error: status.error, log: [] })
    get().onStatus(status.value)
    await loadLog(get().filter)
  },

  async inspect() {
    const result = await api().token.inspect()
    if (result.ok) get().onStatus(result.value)
    else set({ error: result.error })
  },

  async refresh() {
    set({ refreshing: true, lastResult: null, error: null })
    const result = await api().token.refresh()
    set({ refreshing: false })
    if (!result.ok) return set({ error: result.error })
    get().onStatus(result.value.status)
    set({ lastResult: result.value.entry })
  },

  setFilter(filter) {
    set({ filter })
    void loadLog(filter)
  },

  onStatus(status) {
    const current = get().status
    // Only the active profile's token is shown; other profiles' events are someone else's news.
    if (current && current.profileId !== status.profileId) return
    set({ status, error: null, offset: status.now - Date.now() })
  },

  onLogged(entry) {
    const status = get().status
    if (!status || entry.profileId !== status.profileId) return
    const { profileId: _profileId, ...row } = entry
    if (get().filter !== 'all' && get().filter !== row.outcome) return
    set((s) => ({ log: [row, ...s.log.filter((e) => e.id !== row.id)].slice(0, 200) }))
  },
}))

async function loadLog(filter: OutcomeFilter): Promise<void> {
  const result = await api().token.log({ limit: 100, ...(filter === 'all' ? {} : { outcome: filter }) })
  if (result.ok) useToken.setState({ log: result.value.entries })
}

/** The active profile changed: start from its token. */
export function resetToken(): void {
  useToken.setState({ status: null, log: [], lastResult: null })
  void useToken.getState().load()
}
