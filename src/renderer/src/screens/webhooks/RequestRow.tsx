import { memo } from 'react'
import type { RequestSummary } from '@shared/contract'
import { formatFull } from '../../components'
import { byteSize } from './byte-size'
import { signatureLabels, verdictLabels, verdictTone } from './verdict-text'

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })

/** One request: when, method, verdict with HTTP status, signature check, size, events, and why when refused. */
export const RequestRow = memo(function RequestRow({ request }: { request: RequestSummary }) {
  return (
    <div className="request">
      <time className="request__time" dateTime={new Date(request.receivedAt).toISOString()} title={formatFull(request.receivedAt)}>
        {clock.format(request.receivedAt)}
      </time>
      <span className="request__method">{request.method}</span>
      <span className={`badge badge--${verdictTone[request.verdict]} request__verdict`}>
        {verdictLabels[request.verdict]} {request.status}
      </span>
      <span className={`request__signature request__signature--${request.signature}`}>{signatureLabels[request.signature]}</span>
      <span className="request__size">{byteSize(request.size)}</span>
      <span className="request__events">
        {request.eventCount} event{request.eventCount === 1 ? '' : 's'}
      </span>
      {request.reason ? <span className="request__reason">{request.reason}</span> : null}
    </div>
  )
})
