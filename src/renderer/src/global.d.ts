import type { SwitchboardApi } from '@shared/contract'

declare global {
  interface Window {
    /** Present only in the Electron shell, exposed by the preload. */
    readonly switchboard?: SwitchboardApi
  }
}

export {}
