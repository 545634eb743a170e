const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' })
const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' })
const shortDateWithYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })

/** "just now", "5 min. ago", "3 hr. ago", "yesterday", then a short date. */
export function formatRelative(at: number, now: number): string {
  const age = now - at
  if (age < 45_000) return 'just now'
  if (age < HOUR) return relative.format(-Math.round(age / MINUTE), 'minute')
  if (age < DAY) return relative.format(-Math.round(age / HOUR), 'hour')
  if (age < 7 * DAY) return relative.format(-Math.round(age / DAY), 'day')
  const date = new Date(at)
  return (date.getFullYear() === new Date(now).getFullYear() ? shortDate : shortDateWithYear).format(date)
}

export function formatFull(at: number): string {
  return full.format(new Date(at))
}
