import { createHash } from 'node:crypto'
import { mediaSendProblem, mimeEssence, type MediaLibrary, type MediaMessageType } from '../media'
import type { SandboxRuntime } from '../runtime'
import { newCustomer, type CustomerState, type MessageRecord, type PhoneNumberState, type StateStore } from '../state'
import { majorVersion, statusChange, webhookVersion, type StatusError, type WebhookDispatcher } from '../webhooks'
import { DELIVERY_ERRORS, mediaUploadError } from './delivery-errors'
import { isReadReceipt, unknownMessage, validateSendBody, type OutboundRequest } from './message-validation'
import { pricingFor } from './pricing'
import { PairLimiter, ThroughputLimiter } from './rate-limits'
import { recipientAddress, type Recipient } from './recipient'
import { statusFor } from './status-objects'
import { planStatuses } from './status-plan'

const WINDOW_MS = 24 * 60 * 60 * 1000

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
 * failures (131047 outside the customer-service window, 131026 for no WhatsApp user, 131050 for
 * marketing to a customer who stopped it). Windows, limits and replies follow the customer, whether
 * the business wrote to their phone number or to their BSUID.
 */
export class Outbound {
  private readonly throughput: ThroughputLimiter
  private readonly pairs: PairLimiter
  private readonly listeners = new Set<(event: SentEvent) => void>()

  constructor(
    private readonly runtime: SandboxRuntime,
    private readonly store: StateStore,
    private readonly dispatcher: WebhookDispatcher,
    private readonly media: MediaLibrary,
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
    const customer = this.customerFor(request.recipient)
    this.pairs.take(phone.id, customer?.key ?? recipientAddress(request.recipient), now)
    return this.accept(phone, request, customer, now)
  }

  /** The WhatsApp user behind a recipient; a number the sandbox has not met yet is a new plain customer. */
  private customerFor(recipient: Recipient): CustomerState | undefined {
    if (recipient.kind === 'user_id') return this.store.customerByUserId(recipient.userId)
    const known = this.store.customerByPhone(recipient.waId)
    if (known || !isOnWhatsApp(recipient.waId)) return known
    return this.store.addCustomer(newCustomer(this.runtime.rng, { waId: recipient.waId }))
  }

  private accept(phone: PhoneNumberState, request: OutboundRequest, customer: CustomerState | undefined, now: number): Record<string, unknown> {
    const { recipient, template } = request
    // Messaging a number puts it on the business's record (Meta: messaged in the last 30 days, or in the contact book).
    if (customer && recipient.kind === 'phone') customer.phoneOnRecord = true
    const windowOpen = customer?.lastInboundAt != null && now - customer.lastInboundAt < WINDOW_MS
    const error = deliveryError(request, customer, windowOpen) ?? this.mediaError(phone, request)
    const record: MessageRecord = {
      id: this.runtime.wamid(recipientAddress(recipient)),
      direction: 'out',
      customerKey: customer?.key ?? null,
      phoneNumberId: phone.id,
      type: request.type,
      at: now,
      ...(template ? { template: template.name } : {}),
      ...(request.options.length > 0 ? { options: request.options } : {}),
      ...(request.interactiveType ? { interactiveType: request.interactiveType } : {}),
    }
    this.store.state.messages.push(record)
    this.store.changed()

    const plan = planStatuses(this.runtime.rng, { failure: error !== null, voice: request.voice, quirks: this.options.quirks })
    const pricing = pricingFor(template, windowOpen)
    const windowStart = customer?.lastInboundAt ?? now
    const conversation =
      majorVersion(webhookVersion(this.store.state)) < 24 && pricing.type === 'free_customer_service'
        ? { id: conversationId(phone.id, customer?.key ?? recipientAddress(recipient), windowStart), origin: { type: pricing.category } }
        : undefined
    const context = { messageId: record.id, recipient, customer, error, pricing, conversation, windowEndsAt: windowStart + WINDOW_MS }
    for (const planned of plan) {
      const timestamp = String(Math.floor((now + planned.happensAfter / this.runtime.speed) / 1000))
      const { status, contact } = statusFor(planned, timestamp, context)
      this.dispatcher.schedule(statusChange(phone, status, contact), planned.deliveredAfter)
    }
    const read = plan.find((planned) => planned.status === 'read')
    this.emit({ record, phone, readAfter: read ? read.happensAfter : null, failed: error !== null })

    const contact = recipient.kind === 'phone' ? { input: recipient.input, wa_id: recipient.waId } : { input: recipient.input, user_id: customer?.userId ?? recipient.userId }
    return {
      messaging_product: 'whatsapp',
      contacts: [contact],
      messages: [{ id: record.id, ...(template ? { message_status: 'accepted' } : {}) }],
    }
  }

  /**
   * Media named by `id` must be an upload of this number, not expired, of a type and size the
   * message type takes; otherwise the send is accepted and fails with 131053, as Meta reports media
   * problems. An OGG/Opus upload sent as audio is a voice message.
   */
  private mediaError(phone: PhoneNumberState, request: OutboundRequest): StatusError | null {
    if (request.mediaId === undefined) return null
    const record = this.media.find(request.mediaId)
    const problem = mediaSendProblem(request.type as MediaMessageType, request.mediaId, record, phone.id)
    if (problem) return mediaUploadError(problem)
    if (request.type === 'audio' && record && ['audio/ogg', 'audio/opus'].includes(mimeEssence(record.mimeType))) request.voice = true
    return null
  }

  private emit(event: SentEvent): void {
    for (const listener of this.listeners) listener(event)
  }
}

function deliveryError(request: OutboundRequest, customer: CustomerState | undefined, windowOpen: boolean): StatusError | null {
  if (!customer || !isOnWhatsApp(customer.waId)) return DELIVERY_ERRORS.undeliverable
  if (request.template?.category === 'MARKETING' && customer.marketingStopped) return DELIVERY_ERRORS.marketingStopped
  if (!request.template && !windowOpen) return DELIVERY_ERRORS.reengagement
  return null
}

function conversationId(phoneNumberId: string, customer: string, windowStart: number): string {
  return createHash('md5').update(`${phoneNumberId}:${customer}:${windowStart}`).digest('hex')
}
