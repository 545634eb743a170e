import { appCalls } from './app'
import { composerCalls } from './composer'
import { forwardCalls } from './forward'
import { inboxCalls } from './inbox'
import { mediaCalls } from './media'
import { profileCalls } from './profiles'
import { sandboxCalls } from './sandbox'
import { statsCalls } from './stats'
import { tokenCalls } from './token'
import { tunnelCalls } from './tunnel'
import { webhookCalls } from './webhook'

/**
 * The contract: every call the UI can make. Preload, IPC binding, WebSocket bridge and the typed
 * renderer client are all derived from this table; adding a call means one entry here plus its
 * handler in core.
 */
export const calls = {
  ...appCalls,
  ...profileCalls,
  ...inboxCalls,
  ...mediaCalls,
  ...webhookCalls,
  ...sandboxCalls,
  ...tokenCalls,
  ...composerCalls,
  ...tunnelCalls,
  ...forwardCalls,
  ...statsCalls,
}

export * from './app'
export * from './profiles'
export * from './inbox'
export * from './media'
export * from './webhook'
export * from './token'
export * from './sandbox'
export * from './composer'
export * from './tunnel'
export * from './forward'
export * from './stats'
