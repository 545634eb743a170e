import { customerContact, type ContactObject, type StatusError, type StatusObject } from '../webhooks'
import type { CustomerState } from '../state'
import type { Pricing } from './pricing'
import type { Recipient } from './recipient'
import type { PlannedStatus } from './status-plan'

export interface StatusContext {
  messageId: string
  recipient: Recipient
  /** The WhatsApp user behind the recipient; undefined when there is none. */
  customer: CustomerState | undefined
  error: StatusError | null
  pricing: Pricing
  conversation: StatusObject['conversation']
  /** Epoch ms at which the conversation window closes (the `sent` status's `expiration_timestamp`). */
  windowEndsAt: number
}

/**
 * One status webhook's status and contact. The phone (`recipient_id`, `wa_id`) goes out when the
 * message was sent to it or the business has it on record; the BSUID (`recipient_user_id`) always,
 * except on `failed` statuses of messages sent to a phone number. `failed` carries no contact, and
 * `sent` no username, as on Meta.
 */
export function statusFor(planned: PlannedStatus, timestamp: string, context: StatusContext): { status: StatusObject; contact: ContactObject | null } {
  const { recipient, customer } = context
  const failed = planned.status === 'failed'
  const phone = recipient.kind === 'phone' ? recipient.waId : customer?.phoneOnRecord ? customer.waId : undefined
  const userId = customer?.userId ?? (recipient.kind === 'user_id' ? recipient.userId : undefined)
  const status: StatusObject = {
    id: context.messageId,
    status: planned.status,
    timestamp,
    ...(phone ? { recipient_id: phone } : {}),
    ...(userId && !(failed && recipient.kind === 'phone') ? { recipient_user_id: userId } : {}),
  }
  const contact = customer && !failed ? customerContact(customer, { username: planned.status !== 'sent' }) : null
  if (failed) return { status: { ...status, errors: [context.error as StatusError] }, contact }
  if (planned.status === 'played') return { status, contact }
  const conversation = context.conversation
  return {
    status: {
      ...status,
      ...(conversation
        ? { conversation: planned.status === 'sent' ? { ...conversation, expiration_timestamp: String(Math.floor(context.windowEndsAt / 1000)) } : conversation }
        : {}),
      pricing: context.pricing,
    },
    contact,
  }
}
