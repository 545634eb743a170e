import { invalidParameter, missingParameter } from '../graph-error'
import { isBusinessScopedUserId } from '../state'

/** Who a send is addressed to: a phone number (`to`) or a business-scoped user ID (`recipient`). */
export type Recipient = { kind: 'phone'; input: string; waId: string } | { kind: 'user_id'; input: string; userId: string }

const BSUID_IN_TO = 'Param to must be a phone number. To send to a business-scoped user ID (BSUID), put it in recipient and leave to out.'
const NOT_A_BSUID = 'Param recipient must be a business-scoped user ID such as US.13491208655302741918. To send to a phone number, use to.'

/**
 * Reads `to` and `recipient` as Meta does: `to` is a phone number, `recipient` a BSUID or parent
 * BSUID, and when both are given `to` wins. A BSUID put in `to` is refused with code 100 (Meta
 * documents nothing for this case).
 */
export function readRecipient(body: Record<string, unknown>): Recipient {
  const { to, recipient } = body
  if (to !== undefined && to !== '') {
    if (typeof to !== 'string' && typeof to !== 'number') throw invalidParameter('Invalid parameter')
    const input = String(to)
    if (isBusinessScopedUserId(input.trim())) throw invalidParameter(BSUID_IN_TO)
    return { kind: 'phone', input, waId: normalisePhoneNumber(input) }
  }
  if (recipient === undefined || recipient === '') throw missingParameter('to')
  if (typeof recipient !== 'string' || !isBusinessScopedUserId(recipient)) throw invalidParameter(NOT_A_BSUID)
  return { kind: 'user_id', input: recipient, userId: recipient }
}

/** `to` may carry `+`, spaces, dashes, dots and brackets; what remains must be 8–15 digits, no leading 0. */
export function normalisePhoneNumber(to: string): string {
  if (!/^[+\d\s().-]+$/.test(to)) throw invalidParameter('Invalid parameter')
  const digits = to.replace(/\D/g, '')
  if (digits.length < 8 || digits.length > 15 || digits.startsWith('0')) throw invalidParameter('Invalid parameter')
  return digits
}

/** The address as the sandbox keys it: the phone's digits or the BSUID. */
export function recipientAddress(recipient: Recipient): string {
  return recipient.kind === 'phone' ? recipient.waId : recipient.userId
}
