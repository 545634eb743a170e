import { contextBridge, ipcRenderer } from 'electron'
import { buildApi, EVENTS_CHANNEL, type EventBatch, type Envelope } from '@shared/contract'

/**
 * The page gets exactly one object, `window.switchboard`, with one method per contract call and
 * `subscribe` for events. No `ipcRenderer`, no generic invoke, no Node.
 */
const api = buildApi({
  invoke: (name, input) =>
    (ipcRenderer.invoke(name, input) as Promise<Envelope<unknown>>).catch(
      (error: unknown): Envelope<never> => ({
        ok: false,
        error: { code: 'internal', message: error instanceof Error ? error.message : 'The call could not reach Switchboard' },
      }),
    ),
  subscribe: (listener) => {
    const handler = (_event: Electron.IpcRendererEvent, batch: EventBatch) => listener(batch)
    ipcRenderer.on(EVENTS_CHANNEL, handler)
    return () => {
      ipcRenderer.removeListener(EVENTS_CHANNEL, handler)
    }
  },
})

contextBridge.exposeInMainWorld('switchboard', api)
