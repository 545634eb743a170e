import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppError, CallResult } from '@shared/contract'
import { api } from '../../api'

export type SearchHit = CallResult<'inbox.search'>['hits'][number]
type Person = CallResult<'inbox.search'>['contacts'][number]

interface Answer {
  query: string
  hits: SearchHit[]
  /** Customers whose name, number, username or BSUID match. */
  people: Person[]
  error: AppError | null
  hasMore: boolean
}

const DEBOUNCE_MS = 80
const PAGE = 100

/**
 * Full-text search over every message (and the customers whose names or identifiers match), asked for once typing pauses. Answers to an older query
 * are dropped, so a slow answer never replaces a newer one.
 */
export function useSearch(query: string) {
  const wanted = query.trim()
  const [answer, setAnswer] = useState<Answer>({ query: '', hits: [], people: [], error: null, hasMore: false })
  const [loadingMore, setLoadingMore] = useState(false)
  const latest = useRef('')

  useEffect(() => {
    latest.current = wanted
    if (!wanted) return
    const timer = setTimeout(() => {
      void api()
        .inbox.search({ query: wanted, limit: PAGE })
        .then((result) => {
          if (latest.current !== wanted) return
          setAnswer(
            result.ok
              ? { query: wanted, hits: result.value.hits, people: result.value.contacts, error: null, hasMore: result.value.hits.length === PAGE }
              : { query: wanted, hits: [], people: [], error: result.error, hasMore: false },
          )
        })
    }, DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [wanted])

  const loadMore = useCallback(async () => {
    if (!answer.hasMore || loadingMore || answer.query !== wanted) return
    setLoadingMore(true)
    const result = await api().inbox.search({ query: wanted, limit: PAGE, offset: answer.hits.length })
    setLoadingMore(false)
    if (latest.current !== wanted || !result.ok) return
    setAnswer((a) => (a.query === wanted ? { ...a, hits: [...a.hits, ...result.value.hits], hasMore: result.value.hits.length === PAGE } : a))
  }, [answer, loadingMore, wanted])

  const current = wanted !== '' && answer.query === wanted
  return {
    active: wanted !== '',
    searching: wanted !== '' && !current,
    hits: current ? answer.hits : [],
    people: current ? answer.people : [],
    error: current ? answer.error : null,
    hasMore: current && answer.hasMore,
    loadingMore,
    loadMore,
  }
}
