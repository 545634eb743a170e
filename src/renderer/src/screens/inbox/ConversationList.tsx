import { useCallback } from 'react'
import type { ConversationView } from '@shared/contract'
import { VirtualList } from '../../components'
import { useInbox } from '../../stores'
import { ConversationRow } from './ConversationRow'

const conversationKey = (c: ConversationView) => c.key

/** Every conversation, most recent first, paged in as you scroll. */
export function ConversationList() {
  const conversations = useInbox((s) => s.conversations)
  const total = useInbox((s) => s.total)
  const selected = useInbox((s) => s.selected)
  const hasMore = useInbox((s) => s.hasMore)
  const loadingMore = useInbox((s) => s.loadingMore)
  const loadMore = useInbox((s) => s.loadMore)
  const open = useInbox((s) => s.open)
  const setViewport = useInbox((s) => s.setViewport)

  const onRange = useCallback((first: number, last: number) => setViewport('conversations', first, last), [setViewport])
  const onEnd = useCallback(() => void loadMore(), [loadMore])
  const onOpen = useCallback((c: ConversationView) => void open(c.key), [open])
  const renderItem = useCallback((c: ConversationView) => <ConversationRow conversation={c} selected={c.key === selected} />, [selected])

  return (
    <VirtualList
      items={conversations}
      itemKey={conversationKey}
      estimateSize={64}
      renderItem={renderItem}
      label="Conversations"
      mode="listbox"
      selectedKey={selected}
      onOpen={onOpen}
      onRangeChange={onRange}
      onEndReached={hasMore ? onEnd : undefined}
      total={total}
      className="inbox__conversations"
      footer={
        loadingMore ? (
          <p className="muted list-footer" role="status">
            Loading more conversations…
          </p>
        ) : null
      }
    />
  )
}
