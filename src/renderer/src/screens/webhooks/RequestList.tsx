import { useCallback } from 'react'
import type { RequestSummary } from '@shared/contract'
import { VirtualList } from '../../components'
import { useWebhook } from '../../stores'
import { RequestRow } from './RequestRow'

const requestKey = (r: RequestSummary) => r.id
const renderItem = (r: RequestSummary) => <RequestRow request={r} />

/** Requests to the listener, newest first, live; older ones page in as you scroll. */
export function RequestList() {
  const requests = useWebhook((s) => s.requests)
  const selectedId = useWebhook((s) => s.selectedId)
  const hasMore = useWebhook((s) => s.hasMore)
  const loadingMore = useWebhook((s) => s.loadingMore)
  const loadMore = useWebhook((s) => s.loadMore)
  const select = useWebhook((s) => s.select)
  const onEnd = useCallback(() => void loadMore(), [loadMore])
  const onOpen = useCallback((r: RequestSummary) => void select(r.id), [select])
  return (
    <VirtualList
      items={requests}
      itemKey={requestKey}
      estimateSize={44}
      renderItem={renderItem}
      label="Webhook requests"
      mode="listbox"
      selectedKey={selectedId}
      onOpen={onOpen}
      onEndReached={hasMore ? onEnd : undefined}
      className="requests__list"
      footer={
        loadingMore ? (
          <p className="muted list-footer" role="status">
            Loading older requests…
          </p>
        ) : null
      }
    />
  )
}
