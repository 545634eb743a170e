import { createHash } from 'node:crypto'
import type { SandboxRuntime } from '../runtime'
import type { MessageRecord, PhoneNumberState, StateStore } from '../state'
import { majorVersion, statusChange, webhookVersion, type StatusError, type StatusObject, type WebhookDispatcher } from '../webhooks'
import { isReadReceipt, unknownMessage, validateSendBody, type OutboundRequest } from './message-validation'
import { pricingFor } from './pricing'
import { PairLimiter, ThroughputLimiter } from './rate-limits'
import { planStatuses, type PlannedStatus } from './status-plan'

const WINDOW_MS = 24 * 60 * 60 * 1000
const ERROR_CODES_HREF = 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/'

export interface SentEvent {
  record: MessageRecord
  phone: PhoneNumberState
  /** Simulated ms after acceptance at which the customer reads it; `null` when never read or failed. */
  readAfter: number | null
  failed: boolean
}

export interface OutboundOptions {
  messagesPerSecond: number
  pairBurst: number
  quirks: boolean
}

/** A recipient whose number ends in 0000 is "not on WhatsApp" in the sandbox (error 131026). */
export function isOnWhatsApp(waId: string): boolean {
  return !waId.endsWith('0000')
}

/**
 * Sending as the Cloud API does: validate synchronously, enforce throughput and pair limits, answer
 * with a wamid, then play the message's life as status webhooks — including the asynchronous
 * failures (131047 outside the customer-service window, 131026 for numbers not on WhatsApp).
 */
export class Outbound {
  private readonly throughput: ThroughputLimiter
  private readonly pairs: PairLimiter
  private readonly listeners = new Set<(event: SentEvent) => void>()

  constructor(
    private readonly runtime: SandboxRuntime,
    private readonly store: StateStore,
    private readonly dispatcher: WebhookDispatcher,
    private readonly options: OutboundOptions,
  ) {
    this.throughput = new ThroughputLimiter(options.messagesPerSecond)
    this.pairs = new PairLimiter(options.pairBurst)
  }

  onSent(listener: (event: SentEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  send(phone: PhoneNumberState, body: Record<string, unknown>): Record<string, unknown> {
    const request = validateSendBody(body)
    if (isReadReceipt(request)) {
      const message = this.store.message(request.messageId)
      if (message?.direction !== 'in' || message.phoneNumberId !== phone.id) throw unknownMessage()
      return { success: true }
    }
    const now = this.runtime.now()
    this.throughput.take(phone.id, now)
    this.pairs.take(phone.id, request.waId, now)
    return this.accept(phone, request, now)
  }

  private accept(phone: PhoneNumberState, request: OutboundRequest, now: number): Record<string, unknown> {
    const customer = this.store.customer(request.waId)
    const windowOpen = customer?.lastInboundAt != null && now - customer.lastInboundAt < WINDOW_MS
    const error = !isOnWhatsApp(request.waId) ? UNDELIVERABLE : !request.template && !windowOpen ? REENGAGEMENT : null
    const record: MessageRecord = {
      id: this.runtime.wamid(request.waId),
      direction: 'out',
      waId: request.waId,
      phoneNumberId: phone.id,
      type: request.type,
      at: now,
      ...(request.template ? { template: request.template.name } : {}),
      ...(request.options.length > 0 ? { options: request.options } : {}),
      ...(request.interactiveType ? { interactiveType: request.interactiveType } : {}),
    }
    this.store.state.messages.push(record)
    this.store.changed()

    const plan = planStatuses(this.runtime.rng, { failure: error !== null, voice: request.voice, quirks: this.options.quirks })
    const pricing = pricingFor(request.template, windowOpen)
    const conversation =
      majorVersion(webhookVersion(this.store.state)) < 24 && pricing.type === 'free_customer_service'
        ? { id: conversationId(phone.id, request.waId, customer?.lastInboundAt ?? now), origin: { type: pricing.category } }
        : undefined
    for (const planned of plan) {
      const status = this.statusObject(record, planned, now, error, pricing, conversation, customer?.lastInboundAt ?? now)
      this.dispatcher.schedule(statusChange(phone, status), planned.deliveredAfter)
    }
    const read = plan.find((planned) => planned.status === 'read')
    this.emit({ record, phone, readAfter: read ? read.happensAfter : null, failed: error !== null })

    return {
      messaging_product: 'whatsapp',
      contacts: [{ input: request.to, wa_id: request.waId }],
      messages: [{ id: record.id, ...(request.template ? { message_status: 'accepted' } : {}) }],
    }
  }

  private statusObject(
    record: MessageRecord,
    planned: PlannedStatus,
    now: number,
    error: StatusError | null,
    pricing: ReturnType<typeof pricingFor>,
    conversation: StatusObject['conversation'],
    windowStart: number,
  ): StatusObject {
    const timestamp = String(Math.floor((now + planned.happensAfter / this.runtime.speed) / 1000))
    const base = { id: record.id, status: planned.status, timestamp, recipient_id: record.waId }
    if (planned.status === 'failed') return { ...base, errors: [error as StatusError] }
    if (planned.status === 'played') return base
    return {
      ...base,
      ...(conversation
        ? { conversation: planned.status === 'sent' ? { ...conversation, expiration_timestamp: String(Math.floor((windowStart + WINDOW_MS) / 1000)) } : conversation }
        : {}),
      pricing,
    }
  }

  private emit(event: SentEvent): void {
    for (const listener of this.listeners) listener(event)
  }
}

const REENGAGEMENT: StatusError = {
  code: 131047,
  title: 'Re-engagement message',
  message: 'Re-engagement message',
  error_data: { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
  href: ERROR_CODES_HREF,
}

const UNDELIVERABLE: StatusError = {
  code: 131026,
  title: 'Message undeliverable',
  message: 'Message undeliverable',
  error_data: {
    details:
      'Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp phone number; the recipient has not accepted our new Terms of Service and Privacy Policy; the recipient is using an outdated WhatsApp client.',
  },
  href: ERROR_CODES_HREF,
}

function conversationId(phoneNumberId: string, waId: string, windowStart: number): string {
  return createHash('md5').update(`${phoneNumberId}:${waId}:${windowStart}`).digest('hex')
}
