import { useCallback } from 'react'
import { VirtualList, type VirtualListProps } from './VirtualList'

export interface Paging {
  hasMore: boolean
  loadingMore: boolean
  loadMore: () => unknown
}

/** Picks a store's paging state, for `useStore(useShallow(selectPaging))`. */
export const selectPaging = ({ hasMore, loadingMore, loadMore }: Paging): Paging => ({ hasMore, loadingMore, loadMore })

export type PagedListProps<T> = Omit<VirtualListProps<T>, 'mode' | 'onEndReached' | 'footer'> & {
  paging: Paging
  /** Said under the rows while the next page loads, e.g. "Loading older requests…". */
  loadingText: string
}

/** A listbox whose next page loads as its last rows come into view, saying so while it loads. */
export function PagedList<T>({ paging, loadingText, ...list }: PagedListProps<T>) {
  const { hasMore, loadingMore, loadMore } = paging
  const onEnd = useCallback(() => void loadMore(), [loadMore])
  return (
    <VirtualList
      {...list}
      mode="listbox"
      onEndReached={hasMore ? onEnd : undefined}
      footer={
        loadingMore ? (
          <p className="muted list-footer" role="status">
            {loadingText}
          </p>
        ) : null
      }
    />
  )
}
