import { useCallback } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { RequestSummary } from '@shared/contract'
import { PagedList, selectPaging } from '../../components'
import { useWebhook } from '../../stores'
import { RequestRow } from './RequestRow'

const requestKey = (r: RequestSummary) => r.id
const renderItem = (r: RequestSummary) => <RequestRow request={r} />

/** Requests to the listener, newest first, live; older ones page in as you scroll. */
export function RequestList() {
  const paging = useWebhook(useShallow(selectPaging))
  const requests = useWebhook((s) => s.requests)
  const selectedId = useWebhook((s) => s.selectedId)
  const select = useWebhook((s) => s.select)
  const onOpen = useCallback((r: RequestSummary) => void select(r.id), [select])
  return (
    <PagedList
      items={requests}
      itemKey={requestKey}
      estimateSize={44}
      renderItem={renderItem}
      label="Webhook requests"
      selectedKey={selectedId}
      onOpen={onOpen}
      paging={paging}
      loadingText="Loading older requests…"
      className="requests__list"
    />
  )
}
