import type { ForwardTarget } from '@shared/contract'
import { RelativeTime, useNow } from '../../../components'
import { useForward } from '../../../stores'
import { countsLine, healthLine } from './health-text'

/** One bot: where, how it is doing, its queue, and what can be done about it. */
export function ForwardTargetItem({ target }: { target: ForwardTarget }) {
  const now = useNow()
  const busy = useForward((s) => s.busy)
  const { update, retry, remove, replay } = useForward.getState()
  const health = healthLine(target, now)
  const stuck = target.health.state === 'paused' || target.health.state === 'retrying' || target.counts.expired > 0
  return (
    <li className="forward-target" data-testid="forward-target" aria-label={`Forward target ${target.url}`}>
      <div className="forward-target__head">
        <span className={`dot forward-target__dot forward-target__dot--${health.tone}`} aria-hidden="true" />
        <code className="forward-target__url">{target.url}</code>
        {target.resign ? <span className="badge">own signing secret</span> : null}
        {target.passVerification ? <span className="badge">handshake passed on</span> : null}
      </div>
      <div className={`forward-target__health forward-target__health--${health.tone}`} role="status" data-testid="forward-health">
        {health.text}
        {target.health.lastError && target.health.state !== 'ok' ? <span className="forward-target__error"> — {target.health.lastError}</span> : null}
      </div>
      <div className="muted forward-target__counts" data-testid="forward-counts">
        {countsLine(target)}
        {target.health.lastDeliveredAt !== null ? (
          <>
            {' '}
            · last delivered <RelativeTime at={target.health.lastDeliveredAt} />
          </>
        ) : null}
      </div>
      <div className="forward-target__actions">
        {stuck ? (
          <button type="button" className="button button--small" disabled={busy !== null} onClick={() => void retry(target.id)}>
            {busy === `retry-${target.id}` ? 'Trying…' : 'Retry now'}
          </button>
        ) : null}
        <button type="button" className="button button--small" disabled={busy !== null} onClick={() => void replay({ targetId: target.id, failuresOnly: true })}>
          {busy === 'replay' ? 'Queuing…' : 'Replay what it missed'}
        </button>
        <label className="forward-target__toggle">
          <input type="checkbox" checked={target.enabled} disabled={busy !== null} onChange={(event) => void update({ id: target.id, enabled: event.target.checked })} /> On
        </label>
        <label className="forward-target__toggle">
          <input
            type="checkbox"
            checked={target.passVerification}
            disabled={busy !== null}
            onChange={(event) => void update({ id: target.id, passVerification: event.target.checked })}
          />{' '}
          Handshake too
        </label>
        {target.resign ? (
          <button type="button" className="button button--small" disabled={busy !== null} onClick={() => void update({ id: target.id, signingSecret: null })}>
            Use Meta&apos;s signature
          </button>
        ) : null}
        <button
          type="button"
          className="button button--small button--danger"
          disabled={busy !== null}
          onClick={() => {
            if (window.confirm(`Stop forwarding to ${target.url} and forget its queue?`)) void remove(target.id)
          }}
        >
          Remove
        </button>
      </div>
    </li>
  )
}
