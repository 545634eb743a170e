import { useEffect } from 'react'
import { useNow } from '../../components'
import { selectTargets, useForward, useNav } from '../../stores'
import { countsLine, healthLine } from '../webhooks/forward'

/** Each bot the deliveries are forwarded to, in one line: is it keeping up? Hidden while there is none. */
export function ForwardSummary({ profile }: { profile: string }) {
  const targets = useForward(selectTargets)
  const go = useNav((s) => s.go)
  const now = useNow()
  useEffect(() => {
    void useForward.getState().load()
  }, [profile])
  if (targets.length === 0) return null
  return (
    <section className="forward-summary" aria-label="Forwarding">
      <h2>
        Forwarding{' '}
        <button type="button" className="button button--ghost button--small" onClick={() => go('webhooks')}>
          Open Webhooks
        </button>
      </h2>
      <ul>
        {targets.map((target) => {
          const health = healthLine(target, now)
          return (
            <li key={target.id} data-testid="overview-forward">
              <code>{target.url}</code> <span className={`forward-summary__health forward-summary__health--${health.tone}`}>{health.text}</span>
              <span className="muted"> · {countsLine(target)}</span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
