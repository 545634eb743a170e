import { create } from 'zustand'
import type { AppError, CallInput, SandboxStatus } from '@shared/contract'
import { api } from '../api'

interface SandboxStore {
  status: SandboxStatus | null
  starting: boolean
  error: AppError | null
  load: () => Promise<void>
  start: () => Promise<void>
  setCustomers: (running: boolean) => Promise<void>
  simulate: (input?: CallInput<'sandbox.simulateInbound'>) => Promise<void>
  setRequireAppSecret: (on: boolean) => Promise<void>
  set: (status: SandboxStatus) => void
}

export const useSandbox = create<SandboxStore>()((set) => ({
  status: null,
  starting: false,
  error: null,
  async load() {
    const result = await api().sandbox.status()
    if (result.ok) set({ status: result.value })
  },
  async start() {
    set({ starting: true, error: null })
    const result = await api().sandbox.start({ customers: true })
    set(result.ok ? { starting: false, status: result.value } : { starting: false, error: result.error })
  },
  async setCustomers(running) {
    const result = await api().sandbox.setCustomers({ running })
    set(result.ok ? { status: result.value } : { error: result.error })
  },
  async simulate(input) {
    const result = await api().sandbox.simulateInbound(input ?? {})
    if (!result.ok) set({ error: result.error })
  },
  async setRequireAppSecret(on) {
    const result = await api().sandbox.setRequireAppSecret({ on })
    set(result.ok ? { status: result.value } : { error: result.error })
  },
  set: (status) => set({ status }),
}))
