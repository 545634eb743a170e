import type { RecipientCheck } from './use-recipient-check'

/** Whether free-form messages are allowed now: the core's answer, expired here if the window closed since. */
export function windowOpen(check: RecipientCheck, now: number): boolean {
  return check.window.open && check.window.until !== null && check.window.until > now
}
