import { formatFull, formatRelative } from './relative-time'
import { useNow } from './use-now'

/** A time as "5 min. ago" that keeps itself current; the exact time is in the tooltip. */
export function RelativeTime({ at, className }: { at: number; className?: string }) {
  const now = useNow()
  return (
    <time className={className} dateTime={new Date(at).toISOString()} title={formatFull(at)}>
      {formatRelative(at, now)}
    </time>
  )
}
