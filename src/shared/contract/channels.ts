/** The IPC channel on which main pushes event batches to the preload. Calls use their own names. */
export const EVENTS_CHANNEL = 'switchboard:events'

/** WebSocket subprotocols of browser mode: the protocol version, and the session token. */
export const WS_PROTOCOL = 'switchboard.v1'
export const WS_TOKEN_PREFIX = 'token.'
export const WS_PATH = '/api'
