import { appCalls } from './app'
import { profileCalls } from './profiles'

/**
 * The contract: every call the UI can make. Preload, IPC binding, WebSocket bridge and the typed
 * renderer client are all derived from this table; adding a call means one entry here plus its
 * handler in core.
 */
export const calls = {
  ...appCalls,
  ...profileCalls,
}

export * from './app'
export * from './profiles'
