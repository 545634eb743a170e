import { create } from 'zustand'
import type { AppError, CallResult, EventPayload, MessageView, OutgoingMessage, TemplateView } from '@shared/contract'
import { api } from '../api'
import { useInbox } from './inbox'

export type SendResult = CallResult<'composer.send'>
export type MarkReadResult = CallResult<'composer.markRead'>

/** What became of a composer's last send or mark-as-read: shown under it until the next one. */
export type ComposerOutcome =
  | { kind: 'sent'; at: number; result: SendResult }
  | { kind: 'failed'; at: number; error: AppError }
  | { kind: 'read'; at: number; messageId: string; result: MarkReadResult }
  | { kind: 'read-failed'; at: number; messageId: string; error: AppError }

/** A message of a thread the operator is replying or reacting to (from the message's buttons or context menu). */
export interface ThreadAction {
  kind: 'reply' | 'react'
  message: MessageView
}

/** The Compose screen's composer; a thread's composer is keyed by the conversation's key. */
export const SCREEN_COMPOSER = 'screen'

interface ComposerStore {
  templates: TemplateView[] | null
  templatesLoading: boolean
  templatesError: AppError | null
  /** Every template of the WABA (all statuses, so the picker can say why one cannot be sent). */
  loadTemplates: (force?: boolean) => Promise<void>
  /** Composers with a send or mark-as-read in flight: their forms are disabled meanwhile. */
  busy: Record<string, boolean>
  outcomes: Record<string, ComposerOutcome>
  /** Sends once (a second call while one is in flight is ignored); true when Meta accepted it. */
  send: (key: string, to: string, message: OutgoingMessage, replyTo?: string) => Promise<boolean>
  markRead: (key: string, messageId: string) => Promise<void>
  dismiss: (key: string) => void
  /** Inbound wamids marked as read from here. */
  markedRead: Record<string, true>
  /** Messages sent from the Compose screen, newest first, kept current as their statuses arrive. */
  sent: MessageView[]
  /** Bumped per conversation when it changes (messages, statuses, sends): the window and burst checks run again. */
  touched: Record<string, number>
  changed: (payload: EventPayload<'inbox.changed'>) => void
  /** Text drafts by conversation; saved (debounced) as they change. */
  drafts: Record<string, string>
  loadDraft: (contact: string) => Promise<void>
  setDraft: (contact: string, text: string) => void
  /** Saves a pending draft now (leaving the conversation). */
  flushDraft: (contact: string) => void
  /** The reply or reaction under way in each thread. */
  actions: Record<string, ThreadAction>
  startAction: (action: ThreadAction) => void
  cancelAction: (contact: string) => void
  /** The active profile changed: templates, drafts and outcomes belong to another integration. */
  reset: () => void
}

const DRAFT_DEBOUNCE_MS = 600
const SENT_KEPT = 20
/** Status webhooks come in bursts: the sent list is fetched again at most this often per contact. */
const SENT_REFRESH_MS = 300

const without = <T>(record: Record<string, T>, key: string): Record<string, T> => {
  if (!(key in record)) return record
  const copy = { ...record }
  delete copy[key]
  return copy
}

export const useComposer = create<ComposerStore>()((set, get) => {
  /** Bumped on reset: answers to calls made for the previous profile are dropped. */
  let epoch = 0
  const draftTimers = new Map<string, ReturnType<typeof setTimeout>>()
  const sentRefresh = new Map<string, ReturnType<typeof setTimeout>>()

  const saveDraft = (contact: string) => {
    draftTimers.delete(contact)
    void api().composer.saveDraft({ contact, text: get().drafts[contact] ?? '' })
  }

  const cancelDraftSave = (contact: string) => {
    const timer = draftTimers.get(contact)
    if (timer) clearTimeout(timer)
    draftTimers.delete(contact)
  }

  const touch = (contacts: Iterable<string>) =>
    set((s) => {
      const touched = { ...s.touched }
      for (const contact of contacts) touched[contact] = (touched[contact] ?? 0) + 1
      return { touched }
    })

  const refreshSent = async (contact: string) => {
    sentRefresh.delete(contact)
    const started = epoch
    const result = await api().inbox.thread({ contact, limit: 50 })
    if (started !== epoch || !result.ok) return
    const latest = new Map(result.value.messages.map((m) => [m.wamid, m]))
    set((s) => {
      let changed = false
      const sent = s.sent.map((m) => {
        const update = latest.get(m.wamid)
        if (!update || (update.status === m.status && update.statusAt === m.statusAt)) return m
        changed = true
        return update
      })
      return changed ? { sent } : {}
    })
  }

  const afterSent = (key: string, result: SendResult) => {
    const { message } = result
    const contact = message.contact
    // The core clears a conversation's draft with any send; a reply typed before a reaction or a template is kept.
    const draft = get().drafts[contact] ?? ''
    cancelDraftSave(contact)
    const keepDraft = message.type !== 'text' && draft.trim() !== ''
    set((s) => ({
      outcomes: { ...s.outcomes, [key]: { kind: 'sent', at: Date.now(), result } },
      drafts: keepDraft ? s.drafts : { ...s.drafts, [contact]: '' },
      sent: key === SCREEN_COMPOSER ? [message, ...s.sent.filter((m) => m.wamid !== message.wamid)].slice(0, SENT_KEPT) : s.sent,
      actions: key === contact ? without(s.actions, contact) : s.actions,
    }))
    if (keepDraft) void api().composer.saveDraft({ contact, text: draft })
    useInbox.getState().showSent(message)
    touch([contact])
  }

  return {
    templates: null,
    templatesLoading: false,
    templatesError: null,
    busy: {},
    outcomes: {},
    markedRead: {},
    sent: [],
    touched: {},
    drafts: {},
    actions: {},

    async loadTemplates(force = false) {
      const { templates, templatesLoading } = get()
      if (templatesLoading || (templates && !force)) return
      const started = epoch
      set({ templatesLoading: true })
      const result = await api().composer.templates({ status: 'ALL' })
      if (started !== epoch) return
      set(result.ok ? { templates: result.value.templates, templatesError: null, templatesLoading: false } : { templatesError: result.error, templatesLoading: false })
    },

    async send(key, to, message, replyTo) {
      if (get().busy[key]) return false
      const started = epoch
      set((s) => ({ busy: { ...s.busy, [key]: true }, outcomes: without(s.outcomes, key) }))
      const result = await api().composer.send({ to, message, ...(replyTo ? { replyTo } : {}) })
      set((s) => ({ busy: without(s.busy, key) }))
      if (started !== epoch) return false
      if (!result.ok) {
        set((s) => ({ outcomes: { ...s.outcomes, [key]: { kind: 'failed', at: Date.now(), error: result.error } } }))
        return false
      }
      afterSent(key, result.value)
      return true
    },

    async markRead(key, messageId) {
      if (get().busy[key]) return
      const started = epoch
      set((s) => ({ busy: { ...s.busy, [key]: true }, outcomes: without(s.outcomes, key) }))
      const result = await api().composer.markRead({ messageId })
      set((s) => ({ busy: without(s.busy, key) }))
      if (started !== epoch) return
      const at = Date.now()
      set((s) =>
        result.ok
          ? { outcomes: { ...s.outcomes, [key]: { kind: 'read', at, messageId, result: result.value } }, markedRead: result.value.success ? { ...s.markedRead, [messageId]: true } : s.markedRead }
          : { outcomes: { ...s.outcomes, [key]: { kind: 'read-failed', at, messageId, error: result.error } } },
      )
    },

    dismiss(key) {
      set((s) => ({ outcomes: without(s.outcomes, key) }))
    },

    changed(payload) {
      if (payload.contacts.length === 0) return
      touch(payload.contacts)
      const following = new Set(get().sent.map((m) => m.contact))
      for (const contact of payload.contacts) {
        if (!following.has(contact) || sentRefresh.has(contact)) continue
        sentRefresh.set(
          contact,
          setTimeout(() => void refreshSent(contact), SENT_REFRESH_MS),
        )
      }
    },

    async loadDraft(contact) {
      if (contact in get().drafts) return
      const started = epoch
      const result = await api().composer.draft({ contact })
      // Typing that started before the answer wins over the stored draft.
      if (started !== epoch || !result.ok || contact in get().drafts) return
      set((s) => ({ drafts: { ...s.drafts, [contact]: result.value.text } }))
    },

    setDraft(contact, text) {
      set((s) => ({ drafts: { ...s.drafts, [contact]: text } }))
      cancelDraftSave(contact)
      draftTimers.set(
        contact,
        setTimeout(() => saveDraft(contact), DRAFT_DEBOUNCE_MS),
      )
    },

    flushDraft(contact) {
      if (draftTimers.has(contact)) {
        cancelDraftSave(contact)
        saveDraft(contact)
      }
    },

    startAction(action) {
      set((s) => ({ actions: { ...s.actions, [action.message.contact]: action } }))
    },

    cancelAction(contact) {
      set((s) => ({ actions: without(s.actions, contact) }))
    },

    reset() {
      epoch++
      // Pending drafts would be saved under the new profile: dropped instead.
      for (const timer of draftTimers.values()) clearTimeout(timer)
      draftTimers.clear()
      for (const timer of sentRefresh.values()) clearTimeout(timer)
      sentRefresh.clear()
      set({ templates: null, templatesLoading: false, templatesError: null, busy: {}, outcomes: {}, markedRead: {}, sent: [], touched: {}, drafts: {}, actions: {} })
    },
  }
})
