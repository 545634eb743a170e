import { MEDIA_ROUTE } from '../core'

export const isMediaPath = (pathname: string): boolean => pathname.startsWith(MEDIA_ROUTE)

/** The ticket of a `/media/<ticket>` path, or null when it names none. */
export function ticketOfMediaPath(pathname: string): string | null {
  if (!pathname.startsWith(MEDIA_ROUTE)) return null
  const ticket = pathname.slice(MEDIA_ROUTE.length)
  return /^[A-Za-z0-9_-]{16,64}$/.test(ticket) ? ticket : null
}
