import { create } from 'zustand'
import type { AppError, SandboxStatus } from '@shared/contract'
import { api } from '../api'

interface SandboxStore {
  status: SandboxStatus | null
  starting: boolean
  error: AppError | null
  load: () => Promise<void>
  start: () => Promise<void>
  setCustomers: (running: boolean) => Promise<void>
  simulate: (type?: string) => Promise<void>
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
  async simulate(type) {
    const result = await api().sandbox.simulateInbound(type ? { type } : {})
    if (!result.ok) set({ error: result.error })
  },
  set: (status) => set({ status }),
}))
