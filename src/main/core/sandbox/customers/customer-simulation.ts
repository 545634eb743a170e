import { normalisePhoneNumber, type Outbound, type SentEvent } from '../messaging'
import type { SandboxRuntime } from '../runtime'
import { createCustomers, customerWaId, type CustomerState, type PhoneNumberState, type StateStore } from '../state'
import { inboundChange, type WebhookDispatcher } from '../webhooks'
import type { InboundKind } from './inbound-kinds'
import { inboundMessage } from './inbound-messages'

export interface CustomerSendInput {
  /** The customer's number (digits, `+` allowed); a new customer is created for an unknown one. Default: a random customer. */
  from?: string
  type?: InboundKind
  /** Which business number receives it. Default: the first. */
  phoneNumberId?: string
}

const SPONTANEOUS: readonly InboundKind[] = ['text', 'text', 'text', 'text', 'image', 'voice', 'location', 'document', 'sticker', 'contacts', 'order', 'video', 'audio']

/**
 * The simulated WhatsApp users. Tests and the UI drive them with `send`; when started they also
 * answer the operator's messages after reading them and now and then start conversations.
 */
export class CustomerSimulation {
  private running = false
  private cancels = new Set<() => void>()

  constructor(
    private readonly runtime: SandboxRuntime,
    private readonly store: StateStore,
    private readonly dispatcher: WebhookDispatcher,
    outbound: Outbound,
  ) {
    outbound.onSent((event) => this.maybeReply(event))
  }

  get isRunning(): boolean {
    return this.running
  }

  send(input: CustomerSendInput = {}): { wamid: string } {
    const phone = this.phone(input.phoneNumberId)
    const customer = this.customer(input.from)
    return { wamid: this.deliver(phone, customer, input.type ?? 'text') }
  }

  start(): void {
    if (this.running) return
    this.running = true
    // The first customer writes in within seconds, so a fresh sandbox shows traffic right away.
    this.scheduleSpontaneous(this.runtime.rng.int(3000, 8000))
  }

  stop(): void {
    this.running = false
    for (const cancel of this.cancels) cancel()
    this.cancels.clear()
  }

  private deliver(phone: PhoneNumberState, customer: CustomerState, kind: InboundKind): string {
    const rng = this.runtime.rng
    const now = this.runtime.now()
    const id = this.runtime.wamid(customer.waId)
    const lastOutbound = [...this.store.state.messages].reverse().find((message) => message.direction === 'out' && message.waId === customer.waId && message.phoneNumberId === phone.id)
    const newWaId = kind === 'system' ? customerWaId(rng) : customer.waId
    const message = inboundMessage(kind, {
      rng,
      id,
      from: customer.waId,
      timestamp: String(Math.floor(now / 1000)),
      businessDigits: phone.digits,
      ...(lastOutbound ? { lastOutbound } : {}),
      newWaId,
      customerName: customer.name,
    })
    this.store.state.messages.push({ id, direction: 'in', waId: customer.waId, phoneNumberId: phone.id, type: String(message.type), at: now })
    if (kind === 'system') customer.waId = newWaId
    else customer.lastInboundAt = now
    this.store.changed()
    const contact = kind === 'system' ? null : { name: customer.name, waId: customer.waId }
    this.dispatcher.schedule(inboundChange(phone, contact, message), rng.int(100, 800))
    return id
  }

  private maybeReply(event: SentEvent): void {
    if (!this.running || event.failed || event.readAfter === null) return
    const customer = this.store.customer(event.record.waId)
    if (!customer || !this.runtime.rng.chance(0.6)) return
    const kind = this.replyKind(event)
    this.later(event.readAfter + this.runtime.rng.int(2000, 20_000), () => {
      if (this.running) this.deliver(event.phone, customer, kind)
    })
  }

  private replyKind(event: SentEvent): InboundKind {
    const { record } = event
    if (record.interactiveType === 'button') return 'button_reply'
    if (record.interactiveType === 'list') return 'list_reply'
    if (record.template && record.options?.length) return 'button'
    return this.runtime.rng.pick<InboundKind>(['text', 'text', 'text', 'text', 'reaction', 'image', 'voice'])
  }

  private scheduleSpontaneous(delay = this.runtime.rng.int(30_000, 120_000)): void {
    if (!this.running) return
    this.later(delay, () => {
      if (!this.running) return
      const customer = this.runtime.rng.pick(this.store.state.customers)
      this.deliver(this.runtime.rng.pick(this.store.state.phoneNumbers), customer, this.runtime.rng.pick(SPONTANEOUS))
      this.scheduleSpontaneous()
    })
  }

  private later(ms: number, callback: () => void): void {
    const cancel = this.runtime.after(ms, () => {
      this.cancels.delete(cancel)
      callback()
    })
    this.cancels.add(cancel)
  }

  private phone(id: string | undefined): PhoneNumberState {
    const phone = id === undefined ? this.store.state.phoneNumbers[0] : this.store.phoneNumber(id)
    if (!phone) throw new Error(`The sandbox has no phone number ${String(id)}`)
    return phone
  }

  private customer(from: string | undefined): CustomerState {
    const customers = this.store.state.customers
    if (from === undefined) return this.runtime.rng.pick(customers)
    const waId = normalisePhoneNumber(from)
    const known = this.store.customer(waId)
    if (known) return known
    const created = { ...(createCustomers(this.runtime.rng, 1)[0] as CustomerState), waId }
    customers.push(created)
    this.store.changed()
    return created
  }
}
