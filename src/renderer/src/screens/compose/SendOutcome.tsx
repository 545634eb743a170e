import type { AppError } from '@shared/contract'
import { ErrorMessage, keyLabel, useNow } from '../../components'
import { useComposer, type ComposerOutcome } from '../../stores'
import { ExchangeView } from './ExchangeView'
import { isOutcomeUnknown, retryAdvice } from './send-error'

function FailedSend({ error, what }: { error: AppError; what: string }) {
  const now = useNow()
  const exchange = error.exchange ?? null
  if (isOutcomeUnknown(error)) {
    return (
      <div className="banner banner--danger outcome" role="alert">
        <strong>Outcome unknown: the {what} may or may not have reached Meta.</strong>
        <div>{error.message}</div>
        {error.requestId ? (
          <div>
            Request id <code>{error.requestId}</code>
          </div>
        ) : null}
        <div>Check the conversation for it (and its status webhooks) before sending again: a blind resend may deliver it twice.</div>
        {exchange ? <ExchangeView exchange={exchange} /> : null}
      </div>
    )
  }
  const advice = retryAdvice(error, now)
  const fields = Object.entries(error.fields ?? {})
  return (
    <div className="outcome">
      <ErrorMessage error={error} />
      {advice ? (
        <div className="banner banner--warning" role="status">
          {advice}
        </div>
      ) : null}
      {fields.length ? (
        <ul className="error-lines" aria-label="Problems with the message">
          {fields.map(([field, problem]) => (
            <li key={field}>
              <code>{field}</code> {problem}
            </li>
          ))}
        </ul>
      ) : null}
      {exchange ? <ExchangeView exchange={exchange} /> : null}
    </div>
  )
}

/** What became of the last send (or mark-as-read) of one composer: accepted, refused, or unknown. */
export function SendOutcome({ composerKey, onOpenConversation }: { composerKey: string; onOpenConversation?: (contact: string) => void }) {
  const outcome: ComposerOutcome | undefined = useComposer((s) => s.outcomes[composerKey])
  const dismiss = useComposer((s) => s.dismiss)
  if (!outcome) return null
  const close = (
    <button type="button" className="button button--ghost outcome__close" aria-label="Dismiss" onClick={() => dismiss(composerKey)}>
      ×
    </button>
  )
  switch (outcome.kind) {
    case 'sent': {
      const { message, messageStatus, exchange, warnings } = outcome.result
      return (
        <div className="banner banner--ok outcome" role="status" aria-label="Last send">
          {close}
          <div>
            <strong>Accepted by Meta</strong>
            {messageStatus ? (
              <>
                {' '}
                with <code>message_status: {messageStatus}</code>
              </>
            ) : null}{' '}
            — not delivered yet: the ticks follow the status webhooks.
          </div>
          <div className="muted">
            <code>{message.wamid}</code> to {keyLabel(message.contact)}
            {onOpenConversation ? (
              <>
                {' '}
                <button type="button" className="button button--small" onClick={() => onOpenConversation(message.contact)}>
                  Open the conversation
                </button>
              </>
            ) : null}
          </div>
          {warnings.length ? (
            <ul className="outcome__warnings" aria-label="Warnings">
              {warnings.map((warning) => (
                <li key={warning.code}>{warning.message}</li>
              ))}
            </ul>
          ) : null}
          {exchange ? <ExchangeView exchange={exchange} /> : null}
        </div>
      )
    }
    case 'failed':
      return (
        <div className="outcome-frame" role="group" aria-label="Last send">
          {close}
          <FailedSend error={outcome.error} what="message" />
        </div>
      )
    case 'read':
      return (
        <div className={`banner ${outcome.result.success ? 'banner--ok' : 'banner--warning'} outcome`} role="status" aria-label="Last mark as read">
          {close}
          {outcome.result.success ? 'Marked as read: the customer now sees blue ticks.' : 'Meta did not confirm the read receipt (success: false).'}
          {outcome.result.exchange ? <ExchangeView exchange={outcome.result.exchange} /> : null}
        </div>
      )
    case 'read-failed':
      return (
        <div className="outcome-frame" role="group" aria-label="Last mark as read">
          {close}
          <FailedSend error={outcome.error} what="read receipt" />
        </div>
      )
  }
}
