/** Electron's `app`, as far as quitting goes. */
export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown
  quit(): void
}

export interface CleanQuitDeps {
  app: QuittingApp
  /** Where SIGTERM and SIGINT arrive: the process. */
  signals: { on(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown }
  /** Stops the core: the webhook listener answers what it accepted and closes, the store closes. */
  close: () => Promise<void>
  onCloseFailed: (error: unknown) => void
  /** How long a close may take before the app quits anyway (15 s: putting back a tunnel's webhook registration calls Meta). */
  closeTimeoutMs?: number
}

/**
 * One clean stop however the app is told to quit: the tray's and the menu's Quit, the last window
 * closing (not on macOS), SIGTERM and SIGINT all end in `app.quit()`, whose `before-quit` is held
 * until the core is closed. Quitting again meanwhile waits for the same close.
 */
export function setupCleanQuit(deps: CleanQuitDeps): void {
  let state: 'running' | 'closing' | 'closed' = 'running'
  deps.app.on('before-quit', (event) => {
    if (state === 'closed') return
    event.preventDefault()
    if (state === 'closing') return
    state = 'closing'
    const limit = deps.closeTimeoutMs ?? 15_000
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<void>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`the core did not close within ${limit} ms`)), limit)
    })
    void Promise.race([deps.close(), timeout])
      .catch(deps.onCloseFailed)
      .finally(() => {
        clearTimeout(timer)
        state = 'closed'
        deps.app.quit()
      })
  })
  for (const signal of ['SIGTERM', 'SIGINT'] as const) deps.signals.on(signal, () => deps.app.quit())
}
