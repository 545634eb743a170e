import { useEffect, useState } from 'react'
import type { ConversationView, MessageView } from '@shared/contract'
import { api } from '../../api'
import { useComposer } from '../../stores'

const CONTACTS = 50
const MESSAGES = 20

/** The most recent conversations, to pick a recipient from; fetched again when a new one starts. */
export function useRecentContacts(): ConversationView[] {
  const [contacts, setContacts] = useState<ConversationView[]>([])
  const known = useComposer((s) => Object.keys(s.touched).length)
  useEffect(() => {
    let live = true
    void api()
      .inbox.conversations({ limit: CONTACTS })
      .then((result) => {
        if (live && result.ok) setContacts(result.value.items)
      })
    return () => {
      live = false
    }
  }, [known])
  return contacts
}

/** A conversation's latest messages (newest first), to reply or react to; kept current as the conversation changes. */
export function useRecentMessages(waId: string | null): MessageView[] {
  const touched = useComposer((s) => (waId ? (s.touched[waId] ?? 0) : 0))
  const [answer, setAnswer] = useState<{ waId: string; messages: MessageView[] } | null>(null)
  useEffect(() => {
    if (!waId) return
    let live = true
    void api()
      .inbox.thread({ waId, limit: MESSAGES })
      .then((result) => {
        if (live && result.ok) setAnswer({ waId, messages: result.value.messages.filter((m) => m.type !== 'reaction') })
      })
    return () => {
      live = false
    }
  }, [waId, touched])
  return answer && answer.waId === waId ? answer.messages : []
}
