import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import '../styles/lists.css'

export type ItemKey = string | number

export interface VirtualListProps<T> {
  items: readonly T[]
  itemKey: (item: T) => ItemKey
  /** A first guess of a row's height in pixels; rows are measured once rendered. */
  estimateSize: number
  renderItem: (item: T, index: number) => ReactNode
  /** The accessible name of the list. */
  label: string
  /**
   * `listbox`: one row is active, arrow keys move it, Enter (or a click) opens it.
   * `list`: a plain scrollable list whose rows hold their own controls.
   */
  mode?: 'listbox' | 'list'
  selectedKey?: ItemKey | null
  onOpen?: (item: T, index: number) => void
  /** The rows on screen (without overscan), for refreshing only what is visible. */
  onRangeChange?: (first: number, last: number) => void
  /** Called when the last rows come into view: load the next page. */
  onEndReached?: () => void
  /** Called when the first rows come into view: load the previous page. */
  onStartReached?: () => void
  /**
   * `end`: a chat log. It opens on the newest row, follows new rows while at the bottom, and keeps
   * the reader's place when older rows are prepended.
   */
  anchor?: 'start' | 'end'
  /** Bring this row into view once (e.g. a search hit), centred. */
  revealKey?: ItemKey | null
  /** How many items the list stands for when only some are loaded (announced as the set size). */
  total?: number
  className?: string
  /** Shown under the rows (e.g. "Loading more…"). */
  footer?: ReactNode
  /** Shown over the rows (e.g. "Loading older messages…"). */
  header?: ReactNode
}

const EDGE = 5
const OVERSCAN = 8

/**
 * A virtualised list: only the rows in view (plus a few) are in the DOM, whatever the length.
 * Built on @tanstack/react-virtual; rows are measured, so heights may vary.
 */
export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, itemKey, estimateSize, renderItem, label, mode = 'list', selectedKey = null, onOpen, onRangeChange, onEndReached, onStartReached } = props
  const anchor = props.anchor ?? 'start'
  const scrollRef = useRef<HTMLDivElement>(null)
  const listId = useId()
  const [activeKey, setActiveKey] = useState<ItemKey | null>(null)

  // The virtualizer returns functions that React Compiler cannot memoise safely; this component
  // does not rely on memoising them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateSize,
    getItemKey: (index) => itemKey(items[index] as T),
    overscan: OVERSCAN,
    anchorTo: anchor,
    followOnAppend: anchor === 'end',
    useFlushSync: false,
  })

  const indexOfKey = useMemo(() => {
    const map = new Map<ItemKey, number>()
    items.forEach((item, index) => map.set(itemKey(item), index))
    return map
  }, [items, itemKey])

  // A chat log opens on its newest row.
  const openedAtEnd = useRef(false)
  useLayoutEffect(() => {
    if (anchor !== 'end' || openedAtEnd.current || items.length === 0) return
    openedAtEnd.current = true
    if (props.revealKey == null) virtualizer.scrollToIndex(items.length - 1, { align: 'end' })
  }, [anchor, items.length, props.revealKey, virtualizer])

  const revealed = useRef<ItemKey | null>(null)
  useLayoutEffect(() => {
    const key = props.revealKey
    if (key == null || revealed.current === key) return
    const index = indexOfKey.get(key)
    if (index === undefined) return
    revealed.current = key
    virtualizer.scrollToIndex(index, { align: 'center' })
  }, [props.revealKey, indexOfKey, virtualizer])

  const virtualItems = virtualizer.getVirtualItems()
  const first = virtualItems[0]?.index ?? -1
  const last = virtualItems[virtualItems.length - 1]?.index ?? -1
  const visibleStart = virtualizer.range?.startIndex ?? -1
  const visibleEnd = virtualizer.range?.endIndex ?? -1

  useEffect(() => {
    if (visibleStart >= 0) onRangeChange?.(visibleStart, visibleEnd)
  }, [visibleStart, visibleEnd, onRangeChange])

  useEffect(() => {
    if (last >= 0 && last >= items.length - 1 - EDGE) onEndReached?.()
  }, [last, items.length, onEndReached])

  // A chat log first settles on its newest rows (its first scroll event); only then does reaching
  // the top mean "show older", unless the rows do not even fill the view.
  const settled = useRef(anchor !== 'end')
  useEffect(() => {
    const element = scrollRef.current
    const fits = element !== null && element.scrollHeight <= element.clientHeight + 1
    if (first >= 0 && first <= EDGE && (settled.current || fits)) onStartReached?.()
  }, [first, items.length, onStartReached])

  const listbox = mode === 'listbox'
  const activeIndex = activeKey === null ? -1 : (indexOfKey.get(activeKey) ?? -1)
  const optionId = (key: ItemKey) => `${listId}-${String(key)}`
  const activeRendered = activeIndex >= first && activeIndex <= last

  const move = (index: number) => {
    const target = Math.max(0, Math.min(items.length - 1, index))
    const item = items[target]
    if (item === undefined) return
    setActiveKey(itemKey(item))
    virtualizer.scrollToIndex(target, { align: 'auto' })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (items.length === 0 || event.target !== event.currentTarget) return
    if (!listbox) {
      // The browser's own Home/End scroll smoothly and land short once rows are measured on the way.
      if (event.key === 'Home') virtualizer.scrollToIndex(0, { align: 'start' })
      else if (event.key === 'End') virtualizer.scrollToIndex(items.length - 1, { align: 'end' })
      else return
      event.preventDefault()
      return
    }
    const page = Math.max(1, visibleEnd - visibleStart)
    const from = activeIndex >= 0 ? activeIndex : (indexOfKey.get(selectedKey ?? '') ?? -1)
    switch (event.key) {
      case 'ArrowDown':
        move(from + 1)
        break
      case 'ArrowUp':
        move(from < 0 ? 0 : from - 1)
        break
      case 'PageDown':
        move(from + page)
        break
      case 'PageUp':
        move(from - page)
        break
      case 'Home':
        move(0)
        break
      case 'End':
        move(items.length - 1)
        break
      case 'Enter': {
        const item = items[from]
        if (item !== undefined && onOpen) onOpen(item, from)
        break
      }
      default:
        return
    }
    event.preventDefault()
  }

  const setSize = props.total ?? items.length

  return (
    <div className={['vlist-frame', props.className ?? ''].filter(Boolean).join(' ')}>
      {props.header}
      <div
        ref={scrollRef}
        className={anchor === 'end' ? 'vlist vlist--end' : 'vlist'}
        role={listbox ? 'listbox' : 'list'}
        aria-label={label}
        tabIndex={0}
        aria-activedescendant={listbox && activeRendered && activeKey !== null ? optionId(activeKey) : undefined}
        onKeyDown={onKeyDown}
        onScroll={() => {
          settled.current = true
        }}
        onFocus={(event) => {
          if (!listbox || event.target !== event.currentTarget || activeKey !== null || items.length === 0) return
          const start = indexOfKey.get(selectedKey ?? '') ?? Math.max(0, visibleStart)
          const item = items[start]
          if (item !== undefined) setActiveKey(itemKey(item))
        }}
      >
        <div role="presentation" className="vlist__body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualItems.map((row) => {
            const item = items[row.index]
            if (item === undefined) return null
            const key = itemKey(item)
            return (
              <div
                key={row.key}
                ref={virtualizer.measureElement}
                data-index={row.index}
                id={listbox ? optionId(key) : undefined}
                role={listbox ? 'option' : 'listitem'}
                aria-selected={listbox ? key === selectedKey : undefined}
                aria-posinset={row.index + 1}
                aria-setsize={setSize}
                className={`vlist__row${listbox && key === activeKey ? ' vlist__row--active' : ''}`}
                style={{ transform: `translateY(${row.start}px)` }}
                onClick={
                  listbox
                    ? () => {
                        setActiveKey(key)
                        onOpen?.(item, row.index)
                      }
                    : undefined
                }
              >
                {renderItem(item, row.index)}
              </div>
            )
          })}
        </div>
      </div>
      {props.footer}
    </div>
  )
}
