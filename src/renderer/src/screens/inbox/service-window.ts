import { useNow } from '../../components'

const WINDOW_MS = 24 * 60 * 60 * 1000
const HOUR = 60 * 60 * 1000
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' })

export interface ServiceWindow {
  open: boolean
  /** "in 5 hr." while open. */
  closes: string
  closedAt: number
  now: number
}

/** The 24-hour customer service window after the customer's last message: free-form replies only inside it. */
export function useServiceWindow(lastInboundAt: number | null): ServiceWindow | null {
  const now = useNow()
  if (lastInboundAt === null) return null
  const closedAt = lastInboundAt + WINDOW_MS
  const left = closedAt - now
  const closes = left >= HOUR ? relative.format(Math.round(left / HOUR), 'hour') : relative.format(Math.max(1, Math.round(left / 60_000)), 'minute')
  return { open: left > 0, closes, closedAt, now }
}
