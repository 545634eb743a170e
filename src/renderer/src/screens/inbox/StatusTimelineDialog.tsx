import { useEffect, useRef, useState } from 'react'
import type { AppError, CallResult, MessageView } from '@shared/contract'
import { api } from '../../api'
import { ErrorMessage, formatFull } from '../../components'
import { ErrorLines } from './ErrorLines'

type Statuses = CallResult<'inbox.statuses'>['statuses']

type Status = Statuses[number]

function pricingText(pricing: Status['pricing']): string | null {
  if (!pricing) return null
  const parts = [pricing.category, pricing.model, pricing.billable === false ? 'not billable' : pricing.billable === true ? 'billable' : null]
  return parts.filter(Boolean).join(' · ') || null
}

function conversationText(conversation: Status['conversation']): string | null {
  if (!conversation) return null
  return [conversation.id ? `conversation ${conversation.id}` : null, conversation.origin ? `opened as ${conversation.origin}` : null].filter(Boolean).join(' · ') || null
}

/** Every status webhook that reported on one message, in order, with pricing and errors. */
export function StatusTimelineDialog({ message, onClose }: { message: MessageView; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [statuses, setStatuses] = useState<Statuses | null>(null)
  const [error, setError] = useState<AppError | null>(null)

  useEffect(() => {
    const element = dialog.current
    element?.showModal()
    let live = true
    void api()
      .inbox.statuses({ wamid: message.wamid })
      .then((result) => {
        if (!live) return
        if (result.ok) setStatuses(result.value.statuses)
        else setError(result.error)
      })
    return () => {
      live = false
      element?.close()
    }
  }, [message.wamid])

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="status-timeline-title" onClose={onClose}>
      <h2 id="status-timeline-title">Status timeline</h2>
      <p className="muted">
        <code>{message.wamid}</code>
      </p>
      {error ? <ErrorMessage error={error} /> : null}
      {statuses === null && !error ? <p role="status">Loading…</p> : null}
      {statuses?.length === 0 ? <p>No status webhook has reported on this message yet.</p> : null}
      {statuses?.length ? (
        <ol className="timeline" aria-label="Statuses">
          {statuses.map((s) => (
            <li key={`${s.status}-${s.timestamp}`} className={`timeline__item timeline__item--${s.status}`}>
              <strong>{s.status}</strong> <span className="muted">{formatFull(s.timestamp)}</span>
              {pricingText(s.pricing) ? <div className="muted">{pricingText(s.pricing)}</div> : null}
              {conversationText(s.conversation) ? <div className="muted">{conversationText(s.conversation)}</div> : null}
              <ErrorLines errors={s.errorDetails} label={`Errors reported with ${s.status}`} />
            </li>
          ))}
        </ol>
      ) : null}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  )
}
