import { create } from 'zustand'
import type { AppError, CallInput, RegistrationMode, RegistrationResult, TunnelStatus, UnregisterResult, WebhookHealth } from '@shared/contract'
import { api } from '../api'

/** What the tunnel panel can be doing; several at once (Stop while a start is still on its way). */
export type TunnelAction = 'start' | 'stop' | 'selfTest' | 'autoReregister' | 'register' | 'unregister' | 'health'

type Flags = Readonly<Partial<Record<TunnelAction, true>>>
type Errors = Readonly<Partial<Record<TunnelAction, AppError>>>

interface TunnelStore {
  /** As the core reports it (`tunnel.status`, then every `tunnel.changed`). */
  status: TunnelStatus | null
  loadError: AppError | null
  busy: Flags
  /** The last failure of each action, cleared when it is tried again. */
  errors: Errors
  /** The last registration: Meta's answer per step, and the health right after. */
  registration: RegistrationResult | null
  /** The last removal: what was put back and what could not be. */
  unregistered: UnregisterResult | null
  health: WebhookHealth | null
  load: () => Promise<void>
  onStatus: (status: TunnelStatus) => void
  start: (input: CallInput<'tunnel.start'>) => Promise<void>
  stop: () => Promise<void>
  selfTest: () => Promise<void>
  setAutoReregister: (enabled: boolean) => Promise<void>
  register: (mode: RegistrationMode, replaceAppCallback: boolean) => Promise<void>
  unregister: () => Promise<void>
  checkHealth: () => Promise<void>
}

export const useTunnel = create<TunnelStore>()((set, get) => {
  const begin = (action: TunnelAction) =>
    set((s) => ({ busy: { ...s.busy, [action]: true }, errors: without(s.errors, action) }))
  const end = (action: TunnelAction, error: AppError | null = null) =>
    set((s) => ({ busy: without(s.busy, action), errors: error ? { ...s.errors, [action]: error } : s.errors }))

  return {
    status: null,
    loadError: null,
    busy: {},
    errors: {},
    registration: null,
    unregistered: null,
    health: null,

    async load() {
      const result = await api().tunnel.status()
      set(result.ok ? { status: result.value, loadError: null } : { loadError: result.error })
    },

    onStatus(status) {
      set({ status, loadError: null })
    },

    async start(input) {
      begin('start')
      set({ registration: null, unregistered: null })
      const result = await api().tunnel.start(input)
      if (result.ok) set({ status: result.value })
      end('start', result.ok ? null : result.error)
    },

    async stop() {
      // Stop puts back what was registered at Meta: the health shown before is then out of date.
      const recheck = get().health !== null || (get().status?.registrations.length ?? 0) > 0
      begin('stop')
      const result = await api().tunnel.stop()
      if (result.ok) set({ status: result.value, registration: null })
      end('stop', result.ok ? null : result.error)
      if (recheck) await get().checkHealth()
    },

    async selfTest() {
      begin('selfTest')
      const result = await api().tunnel.selfTest()
      // The status event carries the result too; setting it here shows it even if that event is late.
      if (result.ok) set((s) => (s.status ? { status: { ...s.status, selfTest: result.value } } : {}))
      end('selfTest', result.ok ? null : result.error)
    },

    async setAutoReregister(enabled) {
      begin('autoReregister')
      // The checkbox follows the click at once; the core's answer (or the old value, on failure) settles it.
      const before = get().status?.autoReregister
      set((s) => (s.status ? { status: { ...s.status, autoReregister: enabled } } : {}))
      const result = await api().tunnel.setAutoReregister({ enabled })
      if (result.ok) set({ status: result.value })
      else if (before !== undefined) set((s) => (s.status ? { status: { ...s.status, autoReregister: before } } : {}))
      end('autoReregister', result.ok ? null : result.error)
    },

    async register(mode, replaceAppCallback) {
      begin('register')
      set({ registration: null, unregistered: null })
      const result = await api().registration.register(mode === 'app' ? { mode, replaceAppCallback } : { mode })
      if (result.ok) set({ registration: result.value, health: result.value.health })
      end('register', result.ok ? null : result.error)
      // A failed registration may have subscribed the app to the WABA on the way: show where things stand.
      if (!result.ok) await get().checkHealth()
    },

    async unregister() {
      begin('unregister')
      const result = await api().registration.unregister()
      if (result.ok) set({ unregistered: result.value, registration: null })
      end('unregister', result.ok ? null : result.error)
      await get().checkHealth()
    },

    async checkHealth() {
      begin('health')
      const result = await api().registration.health()
      if (result.ok) set({ health: result.value })
      end('health', result.ok ? null : result.error)
    },
  }
})

function without<T extends object>(record: T, key: keyof T): T {
  const copy = { ...record }
  delete copy[key]
  return copy
}
