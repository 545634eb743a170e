/** The IPC channel on which main pushes event batches to the preload. Calls use their own names. */
export const EVENTS_CHANNEL = 'switchboard:events'

/** WebSocket subprotocols of browser mode: the protocol version, and the session token. */
export const WS_PROTOCOL = 'switchboard.v1'
export const WS_TOKEN_PREFIX = 'token.'
export const WS_PATH = '/api'

/**
 * The window uploads a file to send with `POST /media/upload?kind=…&type=…&filename=…&upload=…`
 * (same origin; in browser mode with the session token in this header) and gets an envelope of
 * the new media back. Stored media load from `/media/<ticket>`.
 */
export const UPLOAD_PATH = '/media/upload'
export const UPLOAD_TOKEN_HEADER = 'x-switchboard-token'
