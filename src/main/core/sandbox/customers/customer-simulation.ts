import { oauthError } from '../graph-error'
import { addCustomerMedia, addSizedCustomerMedia, customerKindOf, isCustomerMediaKind, type CustomerMediaKind, type MediaLibrary } from '../media'
import type { Outbound, SentEvent } from '../messaging'
import type { SandboxRuntime } from '../runtime'
import type { CustomerState, MediaRecord, PhoneNumberState, StateStore } from '../state'
import { customerContact, inboundChange, userPreferencesChange, type MarketingPreference, type WebhookDispatcher } from '../webhooks'
import type { CustomerDirectory } from './customer-directory'
import { applyIdentityChange, planIdentityChange } from './identity-change'
import type { InboundKind } from './inbound-kinds'
import { inboundMessage, senderFields, type InboundMedia } from './inbound-messages'

export interface CustomerSendInput {
  /** The customer's phone number (digits, `+` allowed) or BSUID; an unknown number becomes a new customer. Default: a random customer. */
  from?: string
  /** Without `from`: a random username user (true) or plain user (false). With an unknown number: which kind the new customer is. */
  username?: boolean
  type?: InboundKind
  /** Which business number receives it. Default: the first, or the number the media belongs to. */
  phoneNumberId?: string
  /** Media the sandbox holds (made by `createMedia`) for the message to carry; `type` defaults to its kind. */
  mediaId?: string
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
    private readonly media: MediaLibrary,
  ) {
    outbound.onSent((event) => this.maybeReply(event))
  }

  get isRunning(): boolean {
    return this.running
  }

  send(input: CustomerSendInput = {}): { wamid: string } {
    const media = input.mediaId === undefined ? undefined : this.existingMedia(input.mediaId)
    const type = input.type ?? (media ? customerKindOf(media) : 'text')
    if (media && !isCustomerMediaKind(type)) throw oauthError(400, 100, `(#100) Media goes in image, audio, voice, video, document or sticker messages, not ${type}`)
    if (media && input.phoneNumberId !== undefined && input.phoneNumberId !== media.phoneNumberId) {
      throw oauthError(400, 100, `(#100) Media ${media.id} belongs to phone number ${media.phoneNumberId}`)
    }
    const phone = this.phone(input.phoneNumberId ?? media?.phoneNumberId)
    const options = input.username === undefined ? {} : { username: input.username }
    const customer = input.from === undefined ? this.directory.pick(input.username) : this.directory.find(input.from, options)
    return { wamid: this.deliver(phone, customer, type, media) }
  }

  /** A customer sends a new file of exactly `bytes` pseudo-random bytes, as `input.type` (a media kind). */
  async sendSized(input: CustomerSendInput, bytes: number): Promise<{ wamid: string }> {
    const kind = input.type
    if (!isCustomerMediaKind(kind)) throw oauthError(400, 100, '(#100) A message with media_bytes needs a type of image, audio, voice, video, document or sticker')
    const phone = this.phone(input.phoneNumberId)
    const media = await this.createMedia(kind, phone.id, bytes)
    return this.send({ ...input, mediaId: media.id, phoneNumberId: phone.id })
  }

  /** Media a customer can send to the business number (the first unless given): the kind's sample file, or exactly `bytes` pseudo-random bytes. */
  async createMedia(kind: CustomerMediaKind, phoneNumberId?: string, bytes?: number): Promise<MediaRecord> {
    const phone = this.phone(phoneNumberId)
    if (bytes === undefined) return addCustomerMedia(this.media, kind, this.fileSeed(), phone.id)
    return await addSizedCustomerMedia(this.media, kind, bytes, this.fileSeed(), phone.id)
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

  private deliver(phone: PhoneNumberState, customer: CustomerState, kind: InboundKind, media?: MediaRecord): string {
    const rng = this.runtime.rng
    const now = this.runtime.now()
    // A wamid encodes the sender's address; a withheld phone must not hide inside it.
    const id = this.runtime.wamid(customer.phoneOnRecord ? customer.waId : customer.userId)
    const lastOutbound = [...this.store.state.messages]
      .reverse()
      .find((message) => message.direction === 'out' && message.customerKey === customer.key && message.phoneNumberId === phone.id)
    const identityChange = kind === 'system' ? planIdentityChange(rng, customer) : undefined
    const carried = isCustomerMediaKind(kind) ? (media ?? addCustomerMedia(this.media, kind, this.fileSeed(), phone.id)) : undefined
    const message = inboundMessage(kind, {
      rng,
      id,
      sender: senderFields(customer),
      timestamp: String(Math.floor(now / 1000)),
      businessDigits: phone.digits,
      ...(lastOutbound ? { lastOutbound } : {}),
      ...(identityChange ? { identityChange } : {}),
      ...(carried ? { media: inboundMedia(carried) } : {}),
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

  /** What a customer's file is made from: drawn from the seeded source, so a seeded run sends the same files. */
  private fileSeed(): number {
    return this.runtime.rng.int(0, 2 ** 31 - 1)
  }

  private existingMedia(id: string): MediaRecord {
    const media = this.media.find(id)
    if (!media) throw oauthError(400, 100, `(#100) The sandbox has no media with ID ${id} (it may have expired)`)
    return media
  }

  private phone(id: string | undefined): PhoneNumberState {
    const phone = id === undefined ? this.store.state.phoneNumbers[0] : this.store.phoneNumber(id)
    if (!phone) throw new Error(`The sandbox has no phone number ${String(id)}`)
    return phone
  }
}

function inboundMedia(record: MediaRecord): InboundMedia {
  return {
    id: record.id,
    mimeType: record.mimeType,
    sha256: Buffer.from(record.sha256, 'hex').toString('base64'),
    ...(record.filename ? { filename: record.filename } : {}),
    ...(record.animated ? { animated: true } : {}),
  }
}
