import { checkRecipient } from '@shared/phone'
import { SwitchboardError, type GraphExchangeView, type MessageView, type OutgoingMessage, type TemplateView } from '@shared/contract'
import type { ActiveProfile } from '../active-profile'
import type { CoreContext } from '../context'
import { messageView } from '../inbox'
import type { ProfileService } from '../profiles'
import type { Store } from '../store'
import type { TokenService } from '../token'
import { statusRank } from '../webhook'
import { isFreeForm, markReadBody, messageRequestBody, sentText } from './request-body'
import { listTemplates } from './templates'

const WINDOW_MS = 24 * 60 * 60 * 1000
/** Meta's pair rate limit allows bursts to one user, then about one message every 6 s. */
const PAIR_BURST_WARNING = 10

type Json = Record<string, unknown>

/** Sending: validated recipients, the 24-hour window, token recovery, and the message in its thread at once. */
export class ComposerService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly store: Store,
    private readonly profiles: ProfileService,
    private readonly active: ActiveProfile,
    private readonly tokens: TokenService,
  ) {}

  private profileId(): string {
    const id = this.active.snapshot().profile?.id ?? this.profiles.activeId()
    if (!id) throw new SwitchboardError({ code: 'not_configured', message: 'There is no active profile to send from', fix: 'Create one in Settings, or try the sandbox' })
    return id
  }

  window(waId: string) {
    const lastInboundAt = this.store.outbound.lastInboundAt(this.profileId(), waId)
    const until = lastInboundAt === null ? null : lastInboundAt + WINDOW_MS
    return { open: until !== null && until > this.ctx.clock.now(), until, lastInboundAt }
  }

  check(to: string) {
    const recipient = checkRecipient(to)
    if (!recipient.ok) return { recipient: null, problem: recipient.reason, window: { open: false, until: null, lastInboundAt: null }, sentLastMinute: 0, warnings: [] }
    const window = this.window(recipient.waId)
    const sentLastMinute = this.store.outbound.sentSince(this.profileId(), recipient.waId, this.ctx.clock.now() - 60_000)
    const warnings: string[] = []
    if (!window.open) {
      warnings.push(
        window.lastInboundAt === null
          ? 'This customer has not written to you: only an approved template can start the conversation (free-form messages fail with 131047).'
          : 'The 24-hour customer service window is closed: send an approved template (free-form messages fail with 131047).',
      )
    }
    if (sentLastMinute >= PAIR_BURST_WARNING) {
      warnings.push(`${sentLastMinute} messages went to this number in the last minute: Meta limits bursts to one person (131056); wait a few seconds between messages.`)
    }
    return { recipient: { e164: recipient.e164, waId: recipient.waId, country: recipient.country }, problem: null, window, sentLastMinute, warnings }
  }

  async templates(onlyApproved: boolean): Promise<TemplateView[]> {
    const profileId = this.profileId()
    const profile = this.profiles.require(profileId)
    if (!profile.wabaId) throw new SwitchboardError({ code: 'not_configured', message: 'This profile has no WABA ID', fix: 'Add it in Settings (WhatsApp → API Setup)' })
    return this.tokens.withToken(profileId, (auth) => listTemplates(auth, profile.wabaId!, onlyApproved))
  }

  async send(to: string, message: OutgoingMessage, replyTo?: string): Promise<{ message: MessageView; messageStatus: string | null; exchange: GraphExchangeView | null; warnings: string[] }> {
    const recipient = checkRecipient(to)
    if (!recipient.ok) throw new SwitchboardError({ code: 'invalid_input', message: recipient.reason, fields: { to: recipient.reason } })
    const profileId = this.profileId()
    const profile = this.profiles.require(profileId)
    if (!profile.phoneNumberId) {
      throw new SwitchboardError({ code: 'not_configured', message: 'This profile has no phone number ID to send from', fix: 'Add it in Settings (WhatsApp → API Setup)' })
    }
    // The window does not concern templates: only free-form sends hear about it.
    const warnings = this.check(recipient.e164).warnings.filter((w) => isFreeForm(message) || !w.includes('131047'))
    const body = messageRequestBody(message, recipient.waId, replyTo)
    const response = await this.tokens.withToken(profileId, (auth) =>
      auth.graph.post(`${profile.phoneNumberId}/messages`, { token: auth.token, appSecretProof: auth.proof, json: body, exchange: true }),
    )
    const data = (response.data ?? {}) as Json
    const sent = (Array.isArray(data.messages) ? data.messages[0] : undefined) as Json | undefined
    const wamid = typeof sent?.id === 'string' ? sent.id : null
    if (!wamid) throw new SwitchboardError({ code: 'graph', message: 'Graph accepted the send but returned no message id', ...(response.exchange ? { exchange: response.exchange } : {}) })
    const contact = ((Array.isArray(data.contacts) ? data.contacts[0] : undefined) as Json | undefined)?.wa_id
    const messageStatus = typeof sent?.message_status === 'string' ? sent.message_status : null
    const now = this.ctx.clock.now()
    const waId = typeof contact === 'string' ? contact : recipient.waId
    const status = messageStatus ?? 'accepted'
    this.store.outbound.record({
      wamid,
      profileId,
      contact: waId,
      phoneNumberId: profile.phoneNumberId,
      type: message.kind,
      text: sentText(message),
      payload: body,
      contextWamid: replyTo ?? null,
      timestamp: now,
      status,
      statusRank: statusRank(status),
    })
    // The draft is the unsent text: a sent text replaces it, a reaction or a template does not.
    if (message.kind === 'text') this.store.outbound.saveDraft(profileId, waId, '', now)
    this.ctx.events.emit('inbox.changed', { contacts: [waId], newMessages: 0, newStatuses: 0, newEvents: 0 })
    const stored = this.store.inbox.messageByWamid(wamid)
    if (!stored) throw new Error(`The sent message ${wamid} was not stored`)
    return { message: messageView(stored), messageStatus, exchange: response.exchange ?? null, warnings }
  }

  async markRead(messageId: string): Promise<{ success: boolean; exchange: GraphExchangeView | null }> {
    const profileId = this.profileId()
    const profile = this.profiles.require(profileId)
    if (!profile.phoneNumberId) throw new SwitchboardError({ code: 'not_configured', message: 'This profile has no phone number ID' })
    const response = await this.tokens.withToken(profileId, (auth) =>
      auth.graph.post(`${profile.phoneNumberId}/messages`, { token: auth.token, appSecretProof: auth.proof, json: markReadBody(messageId), exchange: true }),
    )
    return { success: (response.data as Json | null)?.success === true, exchange: response.exchange ?? null }
  }

  draft(waId: string): string {
    return this.store.outbound.draft(this.profileId(), waId)
  }

  saveDraft(waId: string, text: string): string {
    this.store.outbound.saveDraft(this.profileId(), waId, text, this.ctx.clock.now())
    return text.trim() === '' ? '' : text
  }
}
