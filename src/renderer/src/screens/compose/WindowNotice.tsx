import type { AppError } from '@shared/contract'
import { ErrorMessage, formatDuration, formatFull, formatRelative, useNow } from '../../components'
import { isFreeForm, type Kind } from './message-form'
import type { RecipientCheck } from './use-recipient-check'
import { windowOpen } from './window-state'

const timeOfDay = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' })

interface WindowNoticeProps {
  check: RecipientCheck | null
  error: AppError | null
  kind: Kind
  /** A marketing template is chosen: a customer who stopped marketing messages will not get it (131050). */
  marketingTemplate: boolean
  sendAnyway: boolean
  onSendAnyway: (value: boolean) => void
  onUseTemplate: () => void
}

/**
 * The 24-hour customer service window for this recipient, and the core's warnings (window
 * closed, a burst to one person). Outside the window a free-form message is steered to a
 * template before it is sent, not after Meta fails it with 131047.
 */
export function WindowNotice({ check, error, kind, marketingTemplate, sendAnyway, onSendAnyway, onUseTemplate }: WindowNoticeProps) {
  const now = useNow()
  if (error) return <ErrorMessage error={error} />
  if (!check) {
    return (
      <p className="muted composer__window" role="status">
        Checking the 24-hour window…
      </p>
    )
  }
  const { window } = check
  const open = windowOpen(check, now)
  const steer = !open && isFreeForm(kind)
  const stoppedAt = check.recipient?.marketingStoppedAt ?? null
  return (
    <div className="composer__window-notice" data-testid="window-notice">
      {open && window.until !== null ? (
        <p className="composer__window composer__window--open" role="status">
          <span className="badge badge--ok">Window open</span> Free-form messages allowed until{' '}
          <time dateTime={new Date(window.until).toISOString()} title={formatFull(window.until)}>
            {timeOfDay.format(window.until)}
          </time>{' '}
          ({formatDuration(window.until - now)} left)
        </p>
      ) : (
        <p className="composer__window composer__window--closed" role="status">
          <span className="badge badge--warn">Templates only</span>{' '}
          {window.lastInboundAt === null ? 'This customer has not written to this number yet.' : `The customer last wrote ${formatRelative(window.lastInboundAt, now)}; the 24-hour window has closed.`}
        </p>
      )}
      {marketingTemplate && stoppedAt !== null ? (
        <p className="banner banner--warning" role="alert">
          This customer asked to stop marketing messages ({formatRelative(stoppedAt, now)}): a marketing template fails with 131050. Send a utility template, or
          nothing.
        </p>
      ) : null}
      {check.warnings.length ? (
        <ul className="banner banner--warning composer__warnings" aria-label="Before you send">
          {check.warnings.map((warning) => (
            <li key={warning.code}>{warning.message}</li>
          ))}
        </ul>
      ) : null}
      {check.sentLastMinute > 0 ? (
        <p className="muted composer__burst">
          {check.sentLastMinute} message{check.sentLastMinute === 1 ? '' : 's'} sent to this customer in the last minute.
        </p>
      ) : null}
      {steer ? (
        <div className="composer__steer">
          <button type="button" className="button button--primary button--small" onClick={onUseTemplate}>
            Use a template instead
          </button>
          <label className="composer__anyway">
            <input type="checkbox" checked={sendAnyway} onChange={(event) => onSendAnyway(event.target.checked)} /> Send the {kind} anyway (Meta accepts it, then
            fails it with 131047)
          </label>
        </div>
      ) : null}
    </div>
  )
}
