import { refreshOutcomes } from '@shared/contract'
import { formatFull } from '../../components'
import { useToken } from '../../stores'

const filters = ['all', ...refreshOutcomes] as const
const filterLabels: Record<(typeof filters)[number], string> = { all: 'all', success: 'success', failure: 'failure', skipped: 'skipped', no_gain: 'no gain' }

/** Every refresh and recovery attempt, newest first, filterable by outcome. */
export function RefreshLog() {
  const log = useToken((s) => s.log)
  const filter = useToken((s) => s.filter)
  const setFilter = useToken((s) => s.setFilter)
  return (
    <section className="refresh-log" aria-label="Refresh log">
      <header className="refresh-log__header">
        <h2>Refresh log</h2>
        <div role="radiogroup" aria-label="Filter by outcome" className="segmented">
          {filters.map((value) => (
            <button key={value} type="button" role="radio" aria-checked={filter === value} className="segmented__item" onClick={() => setFilter(value)}>
              {filterLabels[value]}
            </button>
          ))}
        </div>
      </header>
      {log.length === 0 ? (
        <p className="muted">No refresh attempts yet. Automatic refreshes, your clicks on Refresh now and recoveries from Graph error 190 all show here.</p>
      ) : (
        <table className="table" data-testid="refresh-log">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Trigger</th>
              <th scope="col">Strategy</th>
              <th scope="col">Outcome</th>
              <th scope="col">Old expiry</th>
              <th scope="col">New expiry</th>
              <th scope="col">Details</th>
              <th scope="col">Took</th>
            </tr>
          </thead>
          <tbody>
            {log.map((entry) => (
              <tr key={entry.id}>
                <td>{formatFull(entry.at)}</td>
                <td>{entry.trigger}</td>
                <td>{entry.strategy}</td>
                <td>
                  <span className={`badge badge--${entry.outcome === 'success' ? 'ok' : entry.outcome === 'failure' ? 'danger' : 'warn'}`}>{filterLabels[entry.outcome]}</span>
                </td>
                <td>{entry.oldExpiresAt ? formatFull(entry.oldExpiresAt) : entry.oldExpiresAt === 0 ? 'never' : '—'}</td>
                <td>{entry.newExpiresAt ? formatFull(entry.newExpiresAt) : entry.newExpiresAt === 0 ? 'never' : '—'}</td>
                <td>
                  {entry.errorCode !== null ? `Graph ${entry.errorCode}${entry.errorSubcode ? `/${entry.errorSubcode}` : ''}: ` : ''}
                  {entry.errorMessage ?? entry.note ?? ''}
                  {entry.fbtraceId ? <span className="muted"> (fbtrace_id {entry.fbtraceId})</span> : null}
                </td>
                <td>{entry.durationMs} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
