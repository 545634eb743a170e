import type { Outbound, SentEvent } from '../messaging'
import type { SandboxRuntime } from '../runtime'
import type { CustomerState, PhoneNumberState, StateStore } from '../state'
import { customerContact, inboundChange, userPreferencesChange, type MarketingPreference, type WebhookDispatcher } from '../webhooks'
import type { CustomerDirectory } from './customer-directory'
import { applyIdentityChange, planIdentityChange } from './identity-change'
import type { InboundKind } from './inbound-kinds'
import { inboundMessage, senderFields } from './inbound-messages'

export interface CustomerSendInput {
  /** The customer's phone number (digits, `+` allowed) or BSUID; an unknown number becomes a new customer. Default: a random customer. */
  from?: string
  /** Without `from`: a random username user (true) or plain user (false). With an unknown number: which kind the new customer is. */
  username?: boolean
  type?: InboundKind
  /** Which business number receives it. Default: the first. */
  phoneNumberId?: string
}

const SPONTANEOUS: readonly InboundKind[] = ['text', 'text', 'text', 'text', 'image', 'voice', 'location', 'document', 'sticker', 'contacts', 'order', 'video', 'audio']

/**
 * The simulated WhatsApp users. Tests and the UI drive them with `send` and
 * `setMarketingPreference`; when started they also answer the operator's messages after reading
 * them and now and then start conversations.
 */
export class CustomerSimulation {
  private running = false
  private cancels = new Set<() => void>()

  constructor(
    private readonly runtime: SandboxRuntime,
    private readonly store: StateStore,
    private readonly directory: CustomerDirectory,
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
    const options = input.username === undefined ? {} : { username: input.username }
    const customer = input.from === undefined ? this.directory.pick(input.username) : this.directory.find(input.from, options)
    return { wamid: this.deliver(phone, customer, input.type ?? 'text') }
  }

  /** The customer stops or resumes marketing messages from the business: a `user_preferences` webhook. */
  setMarketingPreference(from: string, value: MarketingPreference, phoneNumberId?: string): void {
    const phone = this.phone(phoneNumberId)
    const customer = this.directory.find(from)
    customer.marketingStopped = value === 'stop'
    this.store.changed()
    this.dispatcher.schedule(userPreferencesChange(phone, customer, value, this.runtime.nowSeconds()), this.runtime.rng.int(100, 800))
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
    // A wamid encodes the sender's address; a withheld phone must not hide inside it.
    const id = this.runtime.wamid(customer.phoneOnRecord ? customer.waId : customer.userId)
    const lastOutbound = [...this.store.state.messages]
      .reverse()
      .find((message) => message.direction === 'out' && message.customerKey === customer.key && message.phoneNumberId === phone.id)
    const identityChange = kind === 'system' ? planIdentityChange(rng, customer) : undefined
    const message = inboundMessage(kind, {
      rng,
      id,
      sender: senderFields(customer),
      timestamp: String(Math.floor(now / 1000)),
      businessDigits: phone.digits,
      ...(lastOutbound ? { lastOutbound } : {}),
      ...(identityChange ? { identityChange } : {}),
    })
    this.store.state.messages.push({ id, direction: 'in', customerKey: customer.key, phoneNumberId: phone.id, type: String(message.type), at: now })
    const contact = identityChange ? null : customerContact(customer, { username: true })
    if (identityChange) applyIdentityChange(customer, identityChange)
    else customer.lastInboundAt = now
    this.store.changed()
    this.dispatcher.schedule(inboundChange(phone, contact, message), rng.int(100, 800))
    return id
  }

  private maybeReply(event: SentEvent): void {
    if (!this.running || event.failed || event.readAfter === null) return
    const customer = this.store.customerByKey(event.record.customerKey)
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
      const customer = this.directory.pick()
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
}
