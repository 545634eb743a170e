import { verdicts } from '@shared/contract'
import { useWebhook } from '../../stores'
import { verdictLabels } from './verdict-text'

/** Show all requests, or only those with one verdict. */
export function VerdictFilter() {
  const filter = useWebhook((s) => s.filter)
  const setFilter = useWebhook((s) => s.setFilter)
  return (
    <label className="verdict-filter">
      Show{' '}
      <select
        className="input"
        aria-label="Filter by verdict"
        value={filter ?? ''}
        onChange={(event) => {
          const value = event.target.value
          void setFilter(verdicts.find((v) => v === value) ?? null)
        }}
      >
        <option value="">All requests</option>
        {verdicts.map((v) => (
          <option key={v} value={v}>
            {verdictLabels[v]}
          </option>
        ))}
      </select>
    </label>
  )
}
