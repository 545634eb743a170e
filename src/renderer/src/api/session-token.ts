const KEY = 'switchboard.session'

/**
 * Browser mode: `switchboard serve` prints a URL with `#token=…`. Take it out of the address bar at
 * once (so it is not bookmarked or shared by accident) and keep it for this tab only, so a reload
 * still works. It is a session key for this local server run, not a credential of any account.
 */
export function takeSessionToken(): string | null {
  const match = /^#token=([A-Za-z0-9_-]{16,})/.exec(window.location.hash)
  if (match?.[1]) {
    window.sessionStorage.setItem(KEY, match[1])
    window.history.replaceState(null, '', window.location.pathname + window.location.search)
  }
  return sessionToken()
}

/** This tab's session token (browser mode), or null inside the desktop app. */
export function sessionToken(): string | null {
  return window.sessionStorage.getItem(KEY)
}
