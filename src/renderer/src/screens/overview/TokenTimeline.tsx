import type { TokenStatus } from '@shared/contract'
import { useState } from 'react'
import { formatFull, useSecondTick } from '../../components'
import { useToken } from '../../stores'
import { tokenTimeline } from './token-timeline'

const WIDTH = 1000
const HEIGHT = 24

/** The token's life as a line from issued to expires, with each refresh attempt, now and the next automatic refresh marked. */
export function TokenTimeline({ status }: { status: TokenStatus }) {
  const tick = useSecondTick()
  const offset = useToken((s) => s.offset)
  const log = useToken((s) => s.log)
  const [table, setTable] = useState(false)
  const line = tokenTimeline(status, log, tick + offset)
  if (!line) return null
  const now = line.events.find((e) => e.kind === 'now')
  const described = line.events.filter((e) => e.kind !== 'now')
  const summary = described.map((e) => `${e.label} ${formatFull(e.at)}`).join(', ')
  return (
    <div className="token-timeline" role="group" aria-label="Token lifetime">
      <div className="token-timeline__header">
        <span className="muted">Lifetime</span>
        <button type="button" className="button button--ghost button--small" aria-pressed={table} onClick={() => setTable(!table)}>
          {table ? 'Chart' : 'Table'}
        </button>
      </div>
      {table ? (
        <table className="table" aria-label="Token lifetime events">
          <tbody>
            {described.map((e) => (
              <tr key={`${e.kind}${e.at}`}>
                <td>{formatFull(e.at)}</td>
                <td>{e.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <>
          <svg className="token-timeline__chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={summary}>
            <line className="token-timeline__span" x1={0} x2={WIDTH} y1={HEIGHT / 2} y2={HEIGHT / 2} />
            {now ? <line className="token-timeline__elapsed" x1={0} x2={now.x * WIDTH} y1={HEIGHT / 2} y2={HEIGHT / 2} /> : null}
            {line.events.map((e) => (
              <g key={`${e.kind}${e.at}`} className={`token-timeline__mark token-timeline__mark--${e.kind} token-timeline__mark--${e.tone}`}>
                <title>{`${e.label}: ${formatFull(e.at)}`}</title>
                <line x1={e.x * WIDTH} x2={e.x * WIDTH} y1={e.kind === 'now' ? 0 : 4} y2={e.kind === 'now' ? HEIGHT : HEIGHT - 4} />
              </g>
            ))}
          </svg>
          <div className="token-timeline__labels muted">
            <span>{line.events[0]?.kind === 'issued' ? `Issued ${formatFull(line.start)}` : formatFull(line.start)}</span>
            <span>{`${status.inspection && status.inspection.expiresAt && tick + offset >= status.inspection.expiresAt ? 'Expired' : 'Expires'} ${formatFull(line.end)}`}</span>
          </div>
        </>
      )}
    </div>
  )
}
