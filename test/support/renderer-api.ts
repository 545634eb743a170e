import { buildApi, type EventListener, type SwitchboardApi } from '../../src/shared/contract'
import type { CoreServices } from '../../src/main/core'
import { setApi } from '../../src/renderer/src/api/client'

/**
 * The renderer's `Api` over a real core in this process: every call goes through the dispatcher
 * (validated as over IPC or the WebSocket), every event batch as the shells deliver it.
 */
export function connectRenderer(core: CoreServices, onEvents: EventListener): SwitchboardApi {
  const api = buildApi({
    invoke: (name, input) => core.dispatch(name, input),
    subscribe: (listener) => core.events.subscribe(listener),
  })
  api.subscribe(onEvents)
  setApi(api)
  return api
}
