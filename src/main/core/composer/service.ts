import { checkRecipient, type RecipientCheck } from '@shared/recipient'
import { SwitchboardError, type ComposerSettings, type ComposerWarning, type GraphExchangeView, type MessageView, type OutgoingMessage, type TemplateView } from '@shared/contract'
import type { ActiveProfile } from '../active-profile'
import type { CoreContext } from '../context'
import { refusalOf } from '../graph'
import { messageView } from '../inbox'
import type { ProfileService } from '../profiles'
import type { ContactRow, Store } from '../store'
import type { TokenService } from '../token'
import { statusRank } from '../webhook'
import { isFreeForm, markReadBody, messageRequestBody, sentText, type Addressee } from './request-body'

const READ_ON_OPEN_KEY = 'composer.read_receipts_on_open'
import { listTemplates } from './templates'

const WINDOW_MS = 24 * 60 * 60 * 1000
/** Meta's pair rate limit allows bursts to one user, then about one message every 6 s. */
const PAIR_BURST_WARNING = 10

type Json = Record<string, unknown>

/** Meta's failure for a marketing template to a customer who stopped marketing messages is 131050, delivered as a status. */
export function marketingWarning(stoppedAt: number): string {
  return `This customer asked on ${new Date(stoppedAt).toISOString().slice(0, 10)} to stop marketing messages: a marketing template will fail with 131050 (utility and authentication templates still go through).`
}

/** Sending: validated recipients, the 24-hour window, token recovery, and the message in its thread at once. */
export class ComposerService {
  private readonly ctx: CoreContext
  private readonly store: Store
  private readonly profiles: ProfileService
  private readonly active: ActiveProfile
  private readonly tokens: TokenService

  constructor(deps: { ctx: CoreContext; store: Store; profiles: ProfileService; active: ActiveProfile; tokens: TokenService }) {
    this.ctx = deps.ctx
    this.store = deps.store
    this.profiles = deps.profiles
    this.active = deps.active
    this.tokens = deps.tokens
  }

  private profileId(): string {
    const id = this.active.snapshot().profile?.id ?? this.profiles.activeId()
    if (!id) throw new SwitchboardError({ code: 'not_configured', message: 'There is no active profile to send from', fix: 'Create one in Settings, or try the sandbox' })
    return id
  }

  /** The customer this recipient names: how to address them, and their conversation when there is one. */
  private recipient(to: string): { check: Extract<RecipientCheck, { ok: true }>; contact: ContactRow | null } | { problem: string } {
    const check = checkRecipient(to)
    if (!check.ok) return { problem: check.reason }
    const profileId = this.profileId()
    const key = this.store.inbox.contactKeyOf(profileId, check.kind === 'phone' ? check.waId : check.userId)
    return { check, contact: (key && this.store.inbox.contact(profileId, key)) || null }
  }

  private window(contact: ContactRow | null) {
    const lastInboundAt = contact?.lastInboundAt ?? null
    const until = lastInboundAt === null ? null : lastInboundAt + WINDOW_MS
    return { open: until !== null && until > this.ctx.clock.now(), until, lastInboundAt }
  }

  check(to: string) {
    const found = this.recipient(to)
    if ('problem' in found) return { recipient: null, problem: found.problem, window: { open: false, until: null, lastInboundAt: null }, sentLastMinute: 0, warnings: [] }
    const { check, contact } = found
    const window = this.window(contact)
    const sentLastMinute = contact ? this.store.outbound.sentSince(this.profileId(), contact.key, this.ctx.clock.now() - 60_000) : 0
    const warnings: ComposerWarning[] = []
    if (!window.open) {
      warnings.push(
        window.lastInboundAt === null
          ? { code: 'never_wrote', message: 'This customer has not written to you: only an approved template can start the conversation (free-form messages fail with 131047).' }
          : { code: 'window_closed', message: 'The 24-hour customer service window is closed: send an approved template (free-form messages fail with 131047).' },
      )
    }
    if (sentLastMinute >= PAIR_BURST_WARNING) {
      warnings.push({
        code: 'burst',
        message: `${sentLastMinute} messages went to this customer in the last minute: Meta limits bursts to one person (131056); wait a few seconds between messages.`,
      })
    }
    const marketingStoppedAt = contact?.marketing === 'stop' ? contact.marketingAt : null
    return {
      recipient: {
        kind: check.kind,
        e164: check.kind === 'phone' ? check.e164 : null,
        waId: check.kind === 'phone' ? check.waId : (contact?.phone ?? null),
        userId: check.kind === 'bsuid' ? check.userId : (contact?.userId ?? null),
        country: check.country,
        contact: contact?.key ?? null,
        name: contact?.name ?? null,
        username: contact?.username ?? null,
        marketingStoppedAt,
      },
      problem: null,
      window,
      sentLastMinute,
      warnings,
    }
  }

  async templates(onlyApproved: boolean): Promise<TemplateView[]> {
    const profileId = this.profileId()
    const profile = this.profiles.require(profileId)
    if (!profile.wabaId) throw new SwitchboardError({ code: 'not_configured', message: 'This profile has no WABA ID', fix: 'Add it in Settings (WhatsApp → API Setup)' })
    return this.tokens.withToken(profileId, (auth) => listTemplates(auth, profile.wabaId!, onlyApproved))
  }

  async send(to: string, message: OutgoingMessage, replyTo?: string): Promise<{ message: MessageView; messageStatus: string | null; exchange: GraphExchangeView | null; warnings: ComposerWarning[] }> {
    const recipient = checkRecipient(to)
    if (!recipient.ok) throw new SwitchboardError({ code: 'invalid_input', message: recipient.reason, fields: { to: recipient.reason } })
    const profileId = this.profileId()
    const profile = this.profiles.require(profileId)
    if (!profile.phoneNumberId) {
      throw new SwitchboardError({ code: 'not_configured', message: 'This profile has no phone number ID to send from', fix: 'Add it in Settings (WhatsApp → API Setup)' })
    }
    const checked = this.check(to)
    // The window does not concern templates: only free-form sends hear about it.
    const warnings = checked.warnings.filter((w) => isFreeForm(message) || (w.code !== 'never_wrote' && w.code !== 'window_closed'))
    if (message.kind === 'template' && checked.recipient?.marketingStoppedAt) warnings.push({ code: 'marketing_stopped', message: marketingWarning(checked.recipient.marketingStoppedAt) })
    const addressee: Addressee = recipient.kind === 'phone' ? { to: recipient.waId } : { recipient: recipient.userId }
    const body = messageRequestBody(message, addressee, replyTo)
    const response = await this.tokens
      .withToken(profileId, (auth) => auth.graph.post(`${profile.phoneNumberId}/messages`, { token: auth.token, appSecretProof: auth.proof, json: body, exchange: true }))
      .catch((error: unknown) => {
        const template = message.kind === 'template' ? message.name : null
        this.keepRefusal(profileId, error, { type: String(body.type), template, address: recipient.kind === 'phone' ? recipient.waId : recipient.userId })
        throw error
      })
    const data = (response.data ?? {}) as Json
    const sent = (Array.isArray(data.messages) ? data.messages[0] : undefined) as Json | undefined
    const wamid = typeof sent?.id === 'string' ? sent.id : null
    if (!wamid) throw new SwitchboardError({ code: 'graph', message: 'Graph accepted the send but returned no message id', ...(response.exchange ? { exchange: response.exchange } : {}) })
    // Meta's answer names the customer as it knows them: `wa_id` for a phone, `user_id` for a BSUID (or both).
    const answered = (Array.isArray(data.contacts) ? data.contacts[0] : undefined) as Json | undefined
    const customer = {
      phone: typeof answered?.wa_id === 'string' ? answered.wa_id : recipient.kind === 'phone' ? recipient.waId : null,
      userId: typeof answered?.user_id === 'string' ? answered.user_id : recipient.kind === 'bsuid' ? recipient.userId : null,
    }
    const messageStatus = typeof sent?.message_status === 'string' ? sent.message_status : null
    const now = this.ctx.clock.now()
    const status = messageStatus ?? 'accepted'
    const { contact, merged } = this.store.outbound.record({
      wamid,
      profileId,
      customer,
      phoneNumberId: profile.phoneNumberId,
      // Meta's type (buttons, lists and links are all `interactive`), as webhooks name it.
      type: String(body.type),
      text: sentText(message),
      payload: body,
      contextWamid: replyTo ?? null,
      timestamp: now,
      status,
      statusRank: statusRank(status),
    })
    // The draft is the unsent text: a sent text replaces it, a reaction or a template does not.
    if (message.kind === 'text') this.store.outbound.saveDraft(profileId, contact, '', now)
    this.ctx.events.emit('inbox.changed', { contacts: [contact], newMessages: 0, newStatuses: 0, newEvents: 0, merged })
    const stored = this.store.inbox.messageByWamid(wamid)
    if (!stored) throw new Error(`The sent message ${wamid} was not stored`)
    return { message: messageView(stored), messageStatus, exchange: response.exchange ?? null, warnings }
  }

  /**
   * A send Graph answered with an error leaves no message behind: its error is kept (type and
   * template, not the recipient) for the health figures. Keeping it never replaces the error.
   */
  private keepRefusal(profileId: string, error: unknown, send: { type: string; template: string | null; address: string }): void {
    const refusal = refusalOf(error, [send.address])
    if (!refusal) return
    try {
      this.store.refusedSends.record({ profileId, at: this.ctx.clock.now(), step: 'message', type: send.type, template: send.template, ...refusal })
    } catch (failure) {
      this.ctx.log.warn('could not keep a refused send', { error: failure instanceof Error ? failure.message : String(failure) })
    }
  }

  async markRead(messageId: string, typing = false): Promise<{ success: boolean; exchange: GraphExchangeView | null }> {
    const profileId = this.profileId()
    const profile = this.profiles.require(profileId)
    if (!profile.phoneNumberId) throw new SwitchboardError({ code: 'not_configured', message: 'This profile has no phone number ID' })
    const response = await this.tokens.withToken(profileId, (auth) =>
      auth.graph.post(`${profile.phoneNumberId}/messages`, { token: auth.token, appSecretProof: auth.proof, json: markReadBody(messageId, typing), exchange: true }),
    )
    return { success: (response.data as Json | null)?.success === true, exchange: response.exchange ?? null }
  }

  settings(): ComposerSettings {
    return { readReceiptsOnOpen: this.store.settings.get(READ_ON_OPEN_KEY) === '1' }
  }

  setSettings(settings: Partial<ComposerSettings>): ComposerSettings {
    if (settings.readReceiptsOnOpen !== undefined) this.store.settings.set(READ_ON_OPEN_KEY, settings.readReceiptsOnOpen ? '1' : '0')
    return this.settings()
  }

  /**
   * The operator opened a conversation with unread messages: when the setting is on, the customer
   * sees their newest message read and "typing…". Best effort: a failure is logged, never shown.
   */
  async conversationOpened(contact: string): Promise<void> {
    if (!this.settings().readReceiptsOnOpen) return
    const newest = this.store.inbox.thread(this.profileId(), contact, 20).find((message) => message.direction === 'in')
    if (!newest) return
    try {
      await this.markRead(newest.wamid, true)
    } catch (error) {
      this.ctx.log.warn('read receipt on opening a conversation failed', { error: error instanceof Error ? error.message : String(error) })
    }
  }

  draft(contact: string): string {
    const profileId = this.profileId()
    return this.store.outbound.draft(profileId, this.store.inbox.contactKeyOf(profileId, contact) ?? contact)
  }

  saveDraft(contact: string, text: string): string {
    const profileId = this.profileId()
    this.store.outbound.saveDraft(profileId, this.store.inbox.contactKeyOf(profileId, contact) ?? contact, text, this.ctx.clock.now())
    return text.trim() === '' ? '' : text
  }
}
