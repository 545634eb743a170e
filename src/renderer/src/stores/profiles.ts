import { create } from 'zustand'
import type { AppError, FieldWarning, KeychainStatusView, ProfileChanges, ProfileSummary, ProfileView } from '@shared/contract'
import { api } from '../api'

interface ProfilesStore {
  profiles: ProfileSummary[]
  activeId: string | null
  keychain: KeychainStatusView | null
  loaded: boolean
  /** The profile open in Settings. */
  selectedId: string | null
  views: Record<string, ProfileView>
  error: AppError | null
  load: () => Promise<void>
  select: (id: string | null) => void
  loadView: (id: string) => Promise<void>
  create: (name: string) => Promise<AppError | null>
  rename: (id: string, name: string) => Promise<AppError | null>
  remove: (id: string) => Promise<AppError | null>
  activate: (id: string) => Promise<AppError | null>
  save: (changes: ProfileChanges) => Promise<{ error: AppError | null; warnings: FieldWarning[]; view?: ProfileView }>
  /** A view arrived from elsewhere (e.g. an .env import). */
  put: (view: ProfileView) => void
}

export const useProfiles = create<ProfilesStore>()((set, get) => ({
  profiles: [],
  activeId: null,
  keychain: null,
  loaded: false,
  selectedId: null,
  views: {},
  error: null,

  async load() {
    const result = await api().profiles.list()
    if (!result.ok) return set({ error: result.error, loaded: true })
    const { profiles, activeId, keychain } = result.value
    const selectedId = get().selectedId
    const stillThere = selectedId !== null && profiles.some((p) => p.id === selectedId)
    set({ profiles, activeId, keychain, loaded: true, error: null, selectedId: stillThere ? selectedId : (activeId ?? profiles[0]?.id ?? null) })
    const next = get().selectedId
    if (next) await get().loadView(next)
  },

  select(id) {
    set({ selectedId: id })
    if (id) void get().loadView(id)
  },

  async loadView(id) {
    const result = await api().profiles.get({ id })
    if (result.ok) get().put(result.value)
  },

  async create(name) {
    const result = await api().profiles.create({ name })
    if (!result.ok) return result.error
    get().put(result.value)
    set({ selectedId: result.value.id })
    await get().load()
    return null
  },

  async rename(id, name) {
    const result = await api().profiles.rename({ id, name })
    if (!result.ok) return result.error
    get().put(result.value)
    return null
  },

  async remove(id) {
    const result = await api().profiles.delete({ id })
    if (!result.ok) return result.error
    set((s) => {
      const views = { ...s.views }
      delete views[id]
      return { views, selectedId: s.selectedId === id ? null : s.selectedId }
    })
    await get().load()
    return null
  },

  async activate(id) {
    const result = await api().profiles.activate({ id })
    if (!result.ok) return result.error
    get().put(result.value)
    return null
  },

  async save(changes) {
    const result = await api().profiles.save(changes)
    if (!result.ok) return { error: result.error, warnings: [] }
    get().put(result.value.profile)
    return { error: null, warnings: result.value.warnings, view: result.value.profile }
  },

  put(view) {
    set((s) => ({ views: { ...s.views, [view.id]: view } }))
  },
}))
