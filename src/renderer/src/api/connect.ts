import { buildApi, type SwitchboardApi } from '@shared/contract'
import { takeSessionToken } from './session-token'
import { WsTransport, type ConnectionState } from './ws-transport'

export type Shell = 'electron' | 'browser'

export interface ApiConnection {
  readonly api: SwitchboardApi
  readonly shell: Shell
  readonly state: ConnectionState
  onState(listener: (state: ConnectionState) => void): () => void
}

/**
 * Chooses the transport once, at start-up: the preload object inside Electron, the WebSocket of
 * `switchboard serve` in a browser. Nothing else in the renderer knows which one it got.
 */
export function connect(): ApiConnection {
  if (window.switchboard) {
    return { api: window.switchboard, shell: 'electron', state: 'open', onState: () => () => {} }
  }
  const transport = WsTransport.forPage(takeSessionToken())
  return {
    api: buildApi(transport),
    shell: 'browser',
    get state() {
      return transport.state
    },
    onState: (listener) => transport.onState(listener),
  }
}
