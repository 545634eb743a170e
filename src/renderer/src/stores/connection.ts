import { create } from 'zustand'
import type { ConnectionState, Shell } from '../api'

interface ConnectionStore {
  state: ConnectionState
  shell: Shell
  set: (state: ConnectionState) => void
}

export const useConnection = create<ConnectionStore>()((set) => ({
  state: 'connecting',
  shell: 'browser',
  set: (state) => set({ state }),
}))
