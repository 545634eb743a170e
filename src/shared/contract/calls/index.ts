import { appCalls } from './app'

/**
 * The contract: every call the UI can make. Preload, IPC binding, WebSocket bridge and the typed
 * renderer client are all derived from this table; adding a call means one entry here plus its
 * handler in core.
 */
export const calls = {
  ...appCalls,
}

export * from './app'
