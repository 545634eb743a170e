/**
 * The renderer's Content Security Policy, sent as a header by the Electron protocol handler and by
 * the browser-mode server. No inline or eval'd script anywhere; `connect-src 'self'` also covers the
 * same-origin WebSocket of browser mode.
 */
export function contentSecurityPolicy(options: { dev?: boolean; devServer?: string; meta?: boolean } = {}): string {
  const directives: Record<string, string> = {
    'default-src': "'none'",
    'script-src': "'self'",
    'style-src': "'self'",
    'img-src': "'self' data:",
    // Stored media (`/media/<ticket>`) play from our own origin; never from a remote one.
    'media-src': "'self'",
    'font-src': "'self'",
    'connect-src': "'self'",
    'base-uri': "'none'",
    'form-action': "'none'",
    'frame-ancestors': "'none'",
    'object-src': "'none'",
  }
  if (options.dev && options.devServer) {
    // Vite's dev server injects CSS as <style> tags and talks to its HMR socket; development only.
    const ws = options.devServer.replace(/^http/, 'ws')
    directives['script-src'] = `'self' ${options.devServer}`
    directives['style-src'] = "'self' 'unsafe-inline'"
    directives['connect-src'] = `'self' ${options.devServer} ${ws}`
  }
  // Browsers ignore frame-ancestors in a <meta> tag (and say so in the console).
  if (options.meta) delete directives['frame-ancestors']
  return Object.entries(directives)
    .map(([key, value]) => `${key} ${value}`)
    .join('; ')
}

/** Hosts the app may open in the operator's browser; anything else is refused. */
export const externalLinkHosts = [
  'developers.facebook.com',
  'business.facebook.com',
  'www.facebook.com',
  'www.whatsapp.com',
  'github.com',
] as const

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return url.protocol === 'https:' && url.username === '' && (externalLinkHosts as readonly string[]).includes(url.hostname)
}
