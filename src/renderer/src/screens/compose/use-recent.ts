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
export function useRecentMessages(contact: string | null): MessageView[] {
  const touched = useComposer((s) => (contact ? (s.touched[contact] ?? 0) : 0))
  const [answer, setAnswer] = useState<{ contact: string; messages: MessageView[] } | null>(null)
  useEffect(() => {
    if (!contact) return
    let live = true
    void api()
      .inbox.thread({ contact, limit: MESSAGES })
      .then((result) => {
        if (live && result.ok) setAnswer({ contact, messages: result.value.messages.filter((m) => m.type !== 'reaction') })
      })
    return () => {
      live = false
    }
  }, [contact, touched])
  return answer && answer.contact === contact ? answer.messages : []
}
