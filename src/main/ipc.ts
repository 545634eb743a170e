import type { IpcMainInvokeEvent, WebContents } from 'electron'
import { callNames, EVENTS_CHANNEL, type Envelope } from '@shared/contract'
import type { Dispatch, EventSource } from './core'

/** The part of `ipcMain` the binding uses, so tests can hand in a stand-in. */
export interface IpcHandleTarget {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void
  removeHandler(channel: string): void
}

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean

/**
 * Binds every call of the contract to `ipcMain.handle`, one channel per call name. Each handler
 * checks the sender frame first and then forwards into the core's dispatcher, which validates
 * the input; nothing else happens here.
 */
export function bindContract(ipc: IpcHandleTarget, dispatch: Dispatch, isTrustedSender: SenderCheck): () => void {
  for (const name of callNames) {
    ipc.handle(name, async (event, input): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'forbidden', message: 'This frame may not call Switchboard' } }
      }
      return dispatch(name, input)
    })
  }
  return () => {
    for (const name of callNames) ipc.removeHandler(name)
  }
}

/**
 * Only the top frame of one of our own windows, showing our own renderer, may call the core:
 * not an iframe, not a page the window was somehow navigated to.
 */
export function createSenderCheck(isAppUrl: (url: string) => boolean, trustedContents: () => Iterable<number>): SenderCheck {
  return (event) => {
    const frame = event.senderFrame
    if (!frame || frame.parent !== null) return false
    if (!isAppUrl(frame.url)) return false
    for (const id of trustedContents()) if (id === event.sender.id) return true
    return false
  }
}

/** Pushes the core's event batches to one window until it goes away. */
export function forwardEvents(hub: EventSource, contents: Pick<WebContents, 'send' | 'isDestroyed' | 'once'>): () => void {
  const unsubscribe = hub.subscribe((batch) => {
    if (!contents.isDestroyed()) contents.send(EVENTS_CHANNEL, batch)
  })
  contents.once('destroyed', unsubscribe)
  return unsubscribe
}
