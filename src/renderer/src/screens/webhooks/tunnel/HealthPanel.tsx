import { callbackLevels, type CallbackLevel, type WebhookHealth } from '@shared/contract'
import { ErrorMessage, RelativeTime } from '../../../components'
import { useProfiles, useTunnel } from '../../../stores'
import { levelNames } from './labels'

const checkNames: Record<WebhookHealth['errors'][number]['check'], string> = {
  phone_number: "Reading the number's webhook configuration",
  waba: "Reading the WABA's subscribed apps",
  app: "Reading the app's subscriptions",
}

const severityTone = { error: 'danger', warning: 'warn', info: 'muted' } as const

const known = (value: boolean | null, yes: string, no: string) => (value === null ? 'unknown' : value ? yes : no)

/**
 * Where this number's webhooks go now, as Meta reports it: the callback at each level (the first
 * one set wins), whether the app is subscribed to the WABA and to `messages`, and each problem
 * found with its fix. Checked after register/remove/stop and on demand.
 */
export function HealthPanel() {
  const activeId = useProfiles((s) => s.activeId)
  // A check made for another profile says nothing about this one.
  const health = useTunnel((s) => (s.health && s.health.profileId === activeId ? s.health : null))
  const checking = useTunnel((s) => s.busy.health === true)
  const error = useTunnel((s) => s.errors.health ?? null)
  const check = useTunnel((s) => s.checkHealth)

  return (
    <section className="tunnel-health" aria-label="Webhook health">
      <header className="tunnel-section__header">
        <h3>Where webhooks for this number go</h3>
        {health ? (
          <span className="muted">
            checked <RelativeTime at={health.checkedAt} />
          </span>
        ) : null}
        <button type="button" className="button button--small tunnel-section__action" disabled={checking} onClick={() => void check()}>
          {checking ? 'Checking…' : health ? 'Check again' : 'Check now'}
        </button>
      </header>
      {error ? <ErrorMessage error={error} /> : null}
      {health ? (
        <HealthReport health={health} />
      ) : (
        <p className="muted">Not checked yet. Checking reads the number&apos;s webhook configuration, the WABA&apos;s subscribed apps and the app&apos;s subscriptions.</p>
      )}
    </section>
  )
}

function HealthReport({ health }: { health: WebhookHealth }) {
  const idOf: Record<CallbackLevel, string | null> = { phone_number: health.phoneNumberId, waba: health.wabaId, app: health.appId }
  const urlOf: Record<CallbackLevel, string | null> = { phone_number: health.destinations.phoneNumber, waba: health.destinations.waba, app: health.destinations.app }
  const fields = health.appSubscription?.fields.map((field) => field.name) ?? []
  return (
    <>
      <table className="table tunnel-health__levels" aria-label="Callback at each level">
        <thead>
          <tr>
            <th scope="col">Level (first set wins)</th>
            <th scope="col">Callback URL</th>
            <th scope="col">Now</th>
          </tr>
        </thead>
        <tbody>
          {callbackLevels.map((level) => {
            const effective = health.effective.level === level
            const url = urlOf[level]
            return (
              <tr key={level} data-testid={`health-level-${level}`} className={effective ? 'tunnel-health__effective' : undefined}>
                <th scope="row">
                  {levelNames[level]}
                  {idOf[level] ? <div className="muted">{idOf[level]}</div> : null}
                </th>
                <td>{url ? <code className="tunnel-break">{url}</code> : <span className="muted">not set</span>}</td>
                <td>
                  {effective ? <span className="badge badge--ok">effective</span> : null}
                  {effective && health.pointsAtTunnel === true ? <span className="badge badge--ok">this tunnel</span> : null}
                  {effective && health.pointsAtTunnel === false ? <span className="badge badge--warn">not this tunnel</span> : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <dl className="facts tunnel-health__facts">
        <dt>Delivered to</dt>
        <dd data-testid="health-effective">
          {health.effective.level && health.effective.url ? (
            <>
              <code className="tunnel-break">{health.effective.url}</code> ({levelNames[health.effective.level]})
            </>
          ) : (
            <span className="danger-text">nowhere: no callback applies to this number</span>
          )}
        </dd>
        <dt>This tunnel</dt>
        <dd data-testid="health-points-at-tunnel">
          {health.pointsAtTunnel === null ? 'not online (or unknown)' : health.pointsAtTunnel ? "receives this number's webhooks" : 'does not receive them'}
        </dd>
        <dt>App subscribed to the WABA</dt>
        <dd>{known(health.appSubscribedToWaba, 'yes', 'no')}</dd>
        <dt>App subscribed to messages</dt>
        <dd>{known(health.messagesField, 'yes', 'no')}</dd>
        {health.appSubscription ? (
          <>
            <dt>App subscription fields</dt>
            <dd>
              {fields.length > 0 ? fields.join(', ') : 'none'}
              {health.appSubscription.active ? null : <span className="badge badge--warn">inactive</span>}
            </dd>
          </>
        ) : null}
      </dl>
      {health.problems.length > 0 ? (
        <ul className="tunnel-health__problems" aria-label="Problems found">
          {health.problems.map((problem, index) => (
            <li key={index}>
              <span className={`badge badge--${severityTone[problem.severity]}`}>{problem.severity}</span> {problem.message}
              {problem.fix ? <div className="tunnel-health__fix">Fix: {problem.fix}</div> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="ok-text">No problems found.</p>
      )}
      {health.errors.map(({ check, error }) => (
        <div key={check}>
          <p className="muted">{checkNames[check]} failed:</p>
          <ErrorMessage error={error} />
        </div>
      ))}
    </>
  )
}
