import type { StatsSummary } from '@shared/contract'
import { useEffect, useState } from 'react'
import { formatFull } from '../../components'
import { useStats } from '../../stores'
import { STRIP_HALF, STRIP_WIDTH, stripGeometry, type StripMark } from './day-strip'

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
const hour = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })

/** The last 24 hours at a glance: messages in (up) and out (down) per 15 minutes, failed sends in red, refreshes as marks. */
export function DayStrip({ profile }: { profile: string }) {
  const day = useStats((s) => s.day)
  const [table, setTable] = useState(false)
  useEffect(() => {
    void useStats.getState().load()
  }, [profile])
  if (!day) return null
  const { bars, marks, peak } = stripGeometry(day)
  const totals = day.buckets.reduce((sum, b) => ({ inbound: sum.inbound + b.inbound, outbound: sum.outbound + b.outbound, failed: sum.failed + b.failed }), { inbound: 0, outbound: 0, failed: 0 })
  const summary = `${count(totals.inbound, 'message')} in, ${totals.outbound} out, ${totals.failed} failed, ${count(marks.length, 'token refresh', 'token refreshes')}`
  return (
    <section className="day-strip" aria-label="Last 24 hours">
      <header className="day-strip__header">
        <h2>Last 24 hours</h2>
        <span className="muted">{summary}</span>
        <button type="button" className="button button--ghost button--small" aria-pressed={table} onClick={() => setTable(!table)}>
          {table ? 'Chart' : 'Table'}
        </button>
      </header>
      {table ? (
        <StripTable day={day} marks={marks} />
      ) : (
        <svg className="day-strip__chart" viewBox={`0 0 ${STRIP_WIDTH} ${STRIP_HALF * 2}`} role="img" aria-label={summary} preserveAspectRatio="none">
          <line className="day-strip__axis" x1={0} x2={STRIP_WIDTH} y1={STRIP_HALF} y2={STRIP_HALF} />
          {bars.map((bar) => (
            <g key={bar.start}>
              <title>{`${hour(bar.start)}: ${bar.counts.inbound} in, ${bar.counts.outbound} out${bar.counts.failed ? `, ${bar.counts.failed} failed` : ''}`}</title>
              <rect className="day-strip__in" x={bar.x + 1} width={bar.width - 2} y={STRIP_HALF - bar.inbound} height={bar.inbound} />
              <rect className="day-strip__out" x={bar.x + 1} width={bar.width - 2} y={STRIP_HALF} height={bar.outbound} />
              {bar.failed ? <rect className="day-strip__failed" x={bar.x + 1} width={bar.width - 2} y={STRIP_HALF + bar.outbound - bar.failed} height={bar.failed} /> : null}
            </g>
          ))}
          {marks.map((mark) => (
            <g key={mark.at} className={`day-strip__mark day-strip__mark--${mark.tone}`}>
              <title>{`${formatFull(mark.at)}: ${mark.label}`}</title>
              <line x1={mark.x} x2={mark.x} y1={0} y2={STRIP_HALF * 2} />
            </g>
          ))}
        </svg>
      )}
      {table ? null : (
        <div className="day-strip__labels muted">
          <span>24 h ago ({hour(day.since)})</span>
          <span>now · at most {peak} per 15 minutes</span>
        </div>
      )}
      {day.failedByCode.length ? (
        <p className="day-strip__failures">
          Failed sends:{' '}
          {day.failedByCode.map((f) => `${f.count} × ${f.code === null ? 'no code' : `Graph ${f.code}`}${f.title ? ` (${f.title})` : ''}`).join(', ')}
        </p>
      ) : null}
    </section>
  )
}

/** The same numbers as rows: every quarter hour with traffic, and every refresh. */
function StripTable({ day, marks }: { day: StatsSummary; marks: StripMark[] }) {
  const rows = day.buckets.filter((b) => b.inbound + b.outbound > 0)
  return (
    <div className="day-strip__table">
      {rows.length === 0 ? (
        <p className="muted">No messages in the last 24 hours.</p>
      ) : (
        <table className="table" aria-label="Messages per 15 minutes">
          <thead>
            <tr>
              <th>From</th>
              <th>In</th>
              <th>Out</th>
              <th>Failed</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr key={b.start}>
                <td>{formatFull(b.start)}</td>
                <td>{b.inbound}</td>
                <td>{b.outbound}</td>
                <td>{b.failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {marks.length ? (
        <table className="table" aria-label="Token refreshes">
          <tbody>
            {marks.map((m) => (
              <tr key={m.at}>
                <td>{formatFull(m.at)}</td>
                <td>{m.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  )
}
