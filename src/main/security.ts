import type { Event, HandlerDetails, Session, WebContents } from 'electron'
import { isAllowedExternalUrl } from '@shared/csp'

/** The subset of `WebContents` the hardening touches, so tests can pass a recording stand-in. */
export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'closeDevTools'>

export interface HardeningPolicy {
  /** True for URLs of our own renderer (the app:// origin, or the dev server in development). */
  isAppUrl(url: string): boolean
  /** Opens an allow-listed https URL in the operator's browser. The only path to `shell.openExternal`. */
  openExternal(url: string): void
  /** Opens a stored media file of ours (`app://switchboard/media/…`) with the system; false for any other URL. */
  openOwnMedia?(url: string): boolean
  /** False in a packaged app: DevTools that open anyway (a window made without `devTools: false`) are closed at once. */
  allowDevTools: boolean
}

/**
 * Applied to every WebContents the app ever creates (`web-contents-created`), so no window can
 * escape it: no navigation away from the app, no new windows, no <webview>, and in a packaged app
 * no DevTools.
 */
export function hardenWebContents(contents: HardenableContents, policy: HardeningPolicy): void {
  if (!policy.allowDevTools) contents.on('devtools-opened', () => contents.closeDevTools())
  contents.on('will-navigate', (event: Event, url: string) => {
    if (!policy.isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event: Event, url: string) => {
    if (!policy.isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event: Event) => event.preventDefault())
  contents.setWindowOpenHandler((details: HandlerDetails) => {
    if (policy.openOwnMedia?.(details.url)) return { action: 'deny' }
    if (isAllowedExternalUrl(details.url)) policy.openExternal(details.url)
    return { action: 'deny' }
  })
}

/** Checked wrapper around `shell.openExternal`; lint forbids calling the raw one anywhere else. */
export function createExternalOpener(open: (url: string) => Promise<void>, onRefused: (url: string) => void) {
  return (url: string): void => {
    if (!isAllowedExternalUrl(url)) {
      onRefused(url)
      return
    }
    void open(url).catch(() => onRefused(url))
  }
}

/**
 * Deny every permission (camera, notifications from the page, geolocation …; main notifies
 * itself), except writing plain text to the clipboard from our own page (the Copy buttons).
 */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  isAppUrl: (url: string) => boolean = () => false,
): void {
  const allowed = (permission: string, url: string) => permission === 'clipboard-sanitized-write' && isAppUrl(url)
  session.setPermissionRequestHandler((contents, permission, callback, details) => callback(allowed(permission, details.requestingUrl ?? contents.getURL())))
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed(permission, requestingOrigin))
}
