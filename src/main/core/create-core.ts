import { mkdirSync } from 'node:fs'
import { appHandlers } from './app'
import type { CoreConfig, CoreContext } from './context'
import { createDispatch, type Dispatch, type Handlers } from './dispatch'
import { EventHub } from './events'

export interface Core {
  readonly dispatch: Dispatch
  readonly handlers: Handlers
  readonly events: EventHub
  readonly context: CoreContext
  close(): Promise<void>
}

export const DEFAULT_GRAPH_BASE_URL = 'https://graph.facebook.com'

/**
 * The composition root: builds every concern from one config and returns the contract's handlers,
 * the dispatcher all transports share, and the event hub. Never imports `electron`.
 */
export function createCore(config: CoreConfig): Promise<Core> {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 })
  const events = new EventHub()
  const context: CoreContext = {
    config,
    clock: config.clock,
    events,
    log: config.log,
    redactor: config.redactor,
    startedAt: config.clock.now(),
  }

  const handlers: Handlers = {
    ...appHandlers(context),
  }

  const dispatch = createDispatch({
    handlers,
    log: config.log,
    redactor: config.redactor,
    validateResults: config.validateResults ?? false,
  })

  let closed = false
  return Promise.resolve({
    dispatch,
    handlers,
    events,
    context,
    async close() {
      if (closed) return
      closed = true
      events.flush()
      await Promise.resolve()
    },
  })
}
