import { create } from 'zustand'
import type { AppError, CallResult, ConversationView, EventPayload, MessageView } from '@shared/contract'
import { api } from '../api'
import { CoalescedRefresh } from './coalesced-refresh'

export type InboxStats = CallResult<'inbox.stats'>
type ThreadContact = CallResult<'inbox.thread'>['contact']

export interface ThreadState {
  /** The conversation's key (a phone number's digits or a BSUID). */
  key: string
  contact: ThreadContact
  /** Oldest first, as the thread is read. */
  messages: MessageView[]
  hasOlder: boolean
  loading: boolean
  loadingOlder: boolean
  /** The window ends at a search hit, not at the newest message: live messages are not appended. */
  detached: boolean
  /** A message to bring into view and mark (a search hit). */
  focusId: number | null
  /** Changes whenever the window is replaced rather than extended, so the view starts over. */
  generation: number
  error: AppError | null
}

interface InboxStore {
  loaded: boolean
  conversations: ConversationView[]
  total: number
  hasMore: boolean
  loadingMore: boolean
  error: AppError | null
  selected: string | null
  thread: ThreadState | null
  stats: InboxStats | null
  /** Webhook events (messages, statuses, other fields) committed since this window opened. */
  liveEvents: number
  load: () => Promise<void>
  loadMore: () => Promise<void>
  open: (key: string, focus?: MessageView) => Promise<void>
  loadOlder: () => Promise<void>
  /** Leave a search hit's window for the newest messages. */
  showLatest: () => Promise<void>
  changed: (payload: EventPayload<'inbox.changed'>) => void
  /** A message this window just sent: shown in its open thread at once, before any refresh. */
  showSent: (message: MessageView) => void
  /** The active profile changed: everything shown belongs to another integration. */
  reset: () => void
  /** Whether the Inbox screen is on screen: changes are fetched only while it is. */
  setShown: (shown: boolean) => void
  setViewport: (list: 'conversations' | 'thread', first: number, last: number) => void
}

const CONVERSATION_PAGE = 100
const THREAD_PAGE = 60
const MAX_PAGE = 500
/** Bursts of deliveries are coalesced: at most one refresh per interval, one at a time. */
export const REFRESH_INTERVAL_MS = 300

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, value))
const byTime = (a: MessageView, b: MessageView) => a.timestamp - b.timestamp || a.id - b.id
const isAfter = (c: ConversationView, last: ConversationView) => c.lastAt < last.lastAt || (c.lastAt === last.lastAt && c.key < last.key)
const sameMessage = (a: MessageView, b: MessageView) =>
  a.status === b.status && a.statusAt === b.statusAt && a.text === b.text && a.type === b.type && a.editedAt === b.editedAt && a.revokedAt === b.revokedAt

/** Replaces known messages by id (keeping unchanged ones as they were) and adds new ones in order. */
export function mergeMessages(current: MessageView[], incoming: MessageView[]): MessageView[] {
  if (incoming.length === 0) return current
  const updates = new Map(incoming.map((m) => [m.id, m]))
  let changed = false
  const merged = current.map((m) => {
    const update = updates.get(m.id)
    if (!update) return m
    updates.delete(m.id)
    if (sameMessage(m, update)) return m
    changed = true
    return update
  })
  if (updates.size === 0) return changed ? merged : current
  return [...merged, ...updates.values()].sort(byTime)
}

/**
 * A fresh first page replaces the head of the list; the rest stays where it was, less any
 * conversation that moved up into the head.
 */
export function mergeHead(current: ConversationView[], head: ConversationView[], limit: number, hadMore: boolean): { items: ConversationView[]; hasMore: boolean } {
  const last = head[head.length - 1]
  if (head.length < limit || !last) return { items: head, hasMore: false }
  const inHead = new Set(head.map((c) => c.key))
  const tail = current.filter((c) => !inHead.has(c.key) && isAfter(c, last))
  return { items: tail.length ? [...head, ...tail] : head, hasMore: tail.length ? hadMore : true }
}

const oldestFirst = (messages: MessageView[]) => messages.slice().reverse()

/** Where the lists are scrolled: not state (nothing renders from it), only what refreshes read. */
const viewport = { conversations: { first: 0, last: 0 }, thread: { first: 0, last: 0 } }

export const useInbox = create<InboxStore>()((set, get) => {
  /** Bumped on reset: answers to calls made before belong to another profile and are dropped. */
  let epoch = 0
  let shown = false
  /** Events counted but not shown yet: they are added to `liveEvents` when the next refresh runs. */
  let uncounted = 0

  const count = () => {
    if (uncounted === 0) return
    const add = uncounted
    uncounted = 0
    set((s) => ({ liveEvents: s.liveEvents + add }))
  }

  const refreshes = new CoalescedRefresh(REFRESH_INTERVAL_MS, async (contacts) => {
    count()
    await refresh(contacts)
  })

  /** Fetches again only what is on screen: the head of the list down to the last visible row, and the open thread's visible window. */
  const refresh = async (contacts: Set<string>) => {
    const started = epoch
    const open = get().thread
    const touchesThread = open !== null && contacts.has(open.key)
    if (touchesThread && !document.hidden) await markRead(open.key)
    const headLimit = clamp(viewport.conversations.last + 20, CONVERSATION_PAGE, MAX_PAGE)
    const [head, stats] = await Promise.all([api().inbox.conversations({ limit: headLimit }), api().inbox.stats(), touchesThread ? refreshThread(open.key) : null])
    if (started !== epoch) return
    if (stats.ok) set({ stats: stats.value })
    if (head.ok) {
      set((s) => {
        const { items, hasMore } = mergeHead(s.conversations, head.value.items, headLimit, s.hasMore)
        return { conversations: items, hasMore, total: head.value.total, error: null }
      })
    }
  }

  const refreshThread = async (key: string) => {
    const thread = get().thread
    if (!thread || thread.key !== key || thread.loading) return
    const started = epoch
    const { first, last } = viewport.thread
    const calls: Promise<{ limit: number; head: boolean; result: Awaited<ReturnType<ReturnType<typeof api>['inbox']['thread']>> }>[] = []
    const fromEnd = thread.messages.length - first
    if (!thread.detached) {
      const limit = clamp(fromEnd + 10, THREAD_PAGE, MAX_PAGE)
      calls.push(api().inbox.thread({ contact: key, limit }).then((result) => ({ limit, head: true, result })))
    }
    const lastVisible = thread.messages[Math.min(last, thread.messages.length - 1)]
    if (lastVisible && (thread.detached || fromEnd + 10 > MAX_PAGE)) {
      const limit = clamp(last - first + 10, 1, MAX_PAGE)
      const before = { timestamp: lastVisible.timestamp, id: lastVisible.id + 1 }
      calls.push(api().inbox.thread({ contact: key, limit, before }).then((result) => ({ limit, head: false, result })))
    }
    const answers = await Promise.all(calls)
    if (started !== epoch) return
    set((s) => {
      if (!s.thread || s.thread.key !== key) return {}
      let { messages, hasOlder } = s.thread
      let contact = s.thread.contact
      for (const { limit, head, result } of answers) {
        if (!result.ok) continue
        contact = result.value.contact
        const page = oldestFirst(result.value.messages)
        const newestLoaded = messages[messages.length - 1]
        const oldestNew = page[0]
        // More arrived than one page holds: the loaded messages no longer join the newest ones.
        if (head && page.length === limit && newestLoaded && oldestNew && byTime(oldestNew, newestLoaded) > 0) {
          messages = page
          hasOlder = true
        } else {
          messages = mergeMessages(messages, page)
        }
      }
      return { thread: { ...s.thread, messages, hasOlder, contact: contact ? { ...contact, unread: 0 } : contact } }
    })
  }

  const markRead = async (key: string) => {
    const result = await api().inbox.markRead({ contact: key })
    if (!result.ok) return
    set((s) => ({ conversations: s.conversations.map((c) => (c.key === key && c.unread !== 0 ? { ...c, unread: 0 } : c)) }))
  }

  const fetchThread = async (key: string, focus: MessageView | undefined) => {
    const newest = await api().inbox.thread({ contact: key, limit: THREAD_PAGE })
    if (!newest.ok || !focus || newest.value.messages.some((m) => m.id === focus.id)) return { result: newest, detached: false }
    // The hit is older than the newest page: show the messages up to it instead.
    const before = { timestamp: focus.timestamp, id: focus.id + 1 }
    return { result: await api().inbox.thread({ contact: key, limit: THREAD_PAGE, before }), detached: true }
  }

  return {
    loaded: false,
    conversations: [],
    total: 0,
    hasMore: false,
    loadingMore: false,
    error: null,
    selected: null,
    thread: null,
    stats: null,
    liveEvents: 0,

    async load() {
      const started = epoch
      count()
      const [page, stats] = await Promise.all([api().inbox.conversations({ limit: CONVERSATION_PAGE }), api().inbox.stats()])
      if (started !== epoch) return
      if (stats.ok) set({ stats: stats.value })
      if (!page.ok) return set({ error: page.error, loaded: true })
      set({ conversations: page.value.items, total: page.value.total, hasMore: page.value.items.length === CONVERSATION_PAGE, loaded: true, error: null })
      const selected = get().selected
      if (selected) await refreshThread(selected)
    },

    async loadMore() {
      const { hasMore, loadingMore, conversations } = get()
      const last = conversations[conversations.length - 1]
      if (!hasMore || loadingMore || !last) return
      const started = epoch
      set({ loadingMore: true })
      const page = await api().inbox.conversations({ limit: CONVERSATION_PAGE, after: { lastAt: last.lastAt, key: last.key } })
      if (started !== epoch) return
      if (!page.ok) return set({ loadingMore: false, error: page.error })
      set((s) => {
        const known = new Set(s.conversations.map((c) => c.key))
        const fresh = page.value.items.filter((c) => !known.has(c.key))
        return { conversations: [...s.conversations, ...fresh], total: page.value.total, hasMore: page.value.items.length === CONVERSATION_PAGE, loadingMore: false }
      })
    },

    async open(key, focus) {
      const started = epoch
      const previous = get().thread
      const generation = (previous?.generation ?? 0) + 1
      set({
        selected: key,
        thread: { key, contact: null, messages: [], hasOlder: false, loading: true, loadingOlder: false, detached: false, focusId: focus?.id ?? null, generation, error: null },
      })
      viewport.thread = { first: 0, last: 0 }
      const { result, detached } = await fetchThread(key, focus)
      if (started !== epoch || get().thread?.generation !== generation) return
      if (!result.ok) return set((s) => ({ thread: s.thread && { ...s.thread, loading: false, error: result.error } }))
      const { contact, messages } = result.value
      set((s) => ({
        thread: s.thread && {
          ...s.thread,
          contact: contact && { ...contact, unread: 0 },
          messages: oldestFirst(messages),
          hasOlder: messages.length === THREAD_PAGE,
          loading: false,
          detached,
        },
      }))
      if (contact && contact.unread > 0) await markRead(key)
    },

    async loadOlder() {
      const thread = get().thread
      const oldest = thread?.messages[0]
      if (!thread || !oldest || !thread.hasOlder || thread.loadingOlder || thread.loading) return
      const { key, generation } = thread
      const started = epoch
      set({ thread: { ...thread, loadingOlder: true } })
      const result = await api().inbox.thread({ contact: key, limit: THREAD_PAGE, before: { timestamp: oldest.timestamp, id: oldest.id } })
      if (started !== epoch) return
      set((s) => {
        if (!s.thread || s.thread.generation !== generation) return {}
        if (!result.ok) return { thread: { ...s.thread, loadingOlder: false, error: result.error } }
        const older = oldestFirst(result.value.messages)
        return {
          thread: { ...s.thread, messages: mergeMessages(s.thread.messages, older), hasOlder: older.length === THREAD_PAGE, loadingOlder: false },
        }
      })
    },

    async showLatest() {
      const selected = get().selected
      if (selected) await get().open(selected)
    },

    changed(payload) {
      uncounted += payload.newMessages + payload.newStatuses + payload.newEvents
      // Conversations found to be one customer: the one that went away is now part of the other.
      for (const { from, into } of payload.merged) {
        set((s) => ({ conversations: s.conversations.filter((c) => c.key !== from), ...(s.selected === from ? { selected: into } : {}) }))
        if (get().thread?.key === from) void get().open(into)
      }
      // Off screen nothing is fetched: the screen loads afresh when it comes back.
      if (!get().loaded || !shown) return
      refreshes.add(payload.contacts)
    },

    showSent(message) {
      set((s) =>
        s.thread && s.thread.key === message.contact && !s.thread.loading && !s.thread.detached ? { thread: { ...s.thread, messages: mergeMessages(s.thread.messages, [message]) } } : {},
      )
    },

    reset() {
      epoch++
      refreshes.cancel()
      set({ loaded: false, conversations: [], total: 0, hasMore: false, loadingMore: false, error: null, selected: null, thread: null, stats: null })
      if (shown) void get().load()
    },

    setShown(value) {
      shown = value
    },

    setViewport(list, first, last) {
      viewport[list] = { first, last }
    },
  }
})
