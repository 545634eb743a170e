import { useCallback } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { ConversationView } from '@shared/contract'
import { PagedList, selectPaging } from '../../components'
import { useInbox } from '../../stores'
import { ConversationRow } from './ConversationRow'

const conversationKey = (c: ConversationView) => c.key

/** Every conversation, most recent first, paged in as you scroll. */
export function ConversationList() {
  const paging = useInbox(useShallow(selectPaging))
  const { conversations, total, selected } = useInbox(useShallow(({ conversations, total, selected }) => ({ conversations, total, selected })))
  const open = useInbox((s) => s.open)
  const setViewport = useInbox((s) => s.setViewport)

  const onRange = useCallback((first: number, last: number) => setViewport('conversations', first, last), [setViewport])
  const onOpen = useCallback((c: ConversationView) => void open(c.key), [open])
  const renderItem = useCallback((c: ConversationView) => <ConversationRow conversation={c} selected={c.key === selected} />, [selected])

  return (
    <PagedList
      items={conversations}
      itemKey={conversationKey}
      estimateSize={64}
      renderItem={renderItem}
      label="Conversations"
      selectedKey={selected}
      onOpen={onOpen}
      onRangeChange={onRange}
      paging={paging}
      loadingText="Loading more conversations…"
      total={total}
      className="inbox__conversations"
    />
  )
}
