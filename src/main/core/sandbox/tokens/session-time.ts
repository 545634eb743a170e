const format = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Los_Angeles',
  weekday: 'long',
  day: '2-digit',
  month: 'short',
  year: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
})

/** Meta's session-time style, in Pacific time: `Friday, 09-Aug-24 10:00:00 PDT`. */
export function sessionTime(epochMs: number): string {
  const parts: Record<string, string> = {}
  for (const part of format.formatToParts(new Date(epochMs))) parts[part.type] = part.value
  return `${parts.weekday}, ${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}:${parts.second} ${parts.timeZoneName}`
}

/** The message Graph returns for a token used after its expiry (code 190, subcode 463). */
export function sessionExpiredMessage(expiredAtMs: number, nowMs: number): string {
  return `Error validating access token: Session has expired on ${sessionTime(expiredAtMs)}. The current time is ${sessionTime(nowMs)}.`
}
