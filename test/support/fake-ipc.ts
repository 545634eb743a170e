import type { IpcMainInvokeEvent } from 'electron'
import type { IpcHandleTarget } from '../../src/main/ipc'

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>

/** A stand-in for `ipcMain`: records handlers and lets a test invoke them like the renderer would. */
export class FakeIpcMain implements IpcHandleTarget {
  readonly handlers = new Map<string, Listener>()

  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, listener)
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }

  invoke(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel)
    if (!listener) return Promise.reject(new Error(`No handler registered for '${channel}'`))
    return listener(event, ...args)
  }
}

export function fakeEvent(options: { url?: string; parent?: object | null; senderId?: number; noFrame?: boolean } = {}): IpcMainInvokeEvent {
  const frame = options.noFrame ? null : { url: options.url ?? 'app://switchboard/index.html', parent: options.parent ?? null }
  return { senderFrame: frame, sender: { id: options.senderId ?? 1 } } as unknown as IpcMainInvokeEvent
}
