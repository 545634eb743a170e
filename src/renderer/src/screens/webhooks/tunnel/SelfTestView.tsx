import type { TunnelStatus } from '@shared/contract'
import { ErrorMessage, RelativeTime } from '../../../components'
import { useTunnel } from '../../../stores'

const yesNo = (value: boolean) => (value ? 'yes' : 'no')

/**
 * Meta's verification request sent by Switchboard itself to the public URL: whether the challenge
 * came back, and whether it came from this listener. Runs by itself on start; again on demand.
 */
export function SelfTestView({ status }: { status: TunnelStatus }) {
  const run = useTunnel((s) => s.selfTest)
  const running = useTunnel((s) => s.busy.selfTest === true)
  const error = useTunnel((s) => s.errors.selfTest ?? null)
  const result = status.selfTest
  const online = status.state === 'online'

  return (
    <section className="tunnel-self-test" aria-label="Self-test">
      <header className="tunnel-section__header">
        <h3>Self-test</h3>
        {result ? (
          <span className={`badge badge--${result.ok ? 'ok' : 'danger'}`} data-testid="self-test-result">
            {result.ok ? 'Passed' : 'Failed'}
          </span>
        ) : null}
        <button type="button" className="button button--small tunnel-section__action" disabled={!online || running} onClick={() => void run()}>
          {running ? 'Testing…' : 'Run self-test'}
        </button>
      </header>
      {result ? (
        <>
          <p className="tunnel-self-test__message" data-testid="self-test-message">
            {result.message}
          </p>
          <dl className="facts">
            <dt>Request</dt>
            <dd>
              <code className="tunnel-break">GET {result.url}</code>
            </dd>
            <dt>Answer</dt>
            <dd>{result.status === null ? 'none' : `HTTP ${result.status}`}</dd>
            <dt>Challenge echoed</dt>
            <dd>{yesNo(result.echoed)}</dd>
            <dt>Reached this listener</dt>
            <dd>{yesNo(result.reachedListener)}</dd>
            <dt>Ran</dt>
            <dd>
              <RelativeTime at={result.at} />, took {result.durationMs} ms
            </dd>
          </dl>
        </>
      ) : (
        <p className="muted">
          {online
            ? 'Not run yet for this URL; it runs by itself once the tunnel is online.'
            : "Once the tunnel is online, Switchboard sends Meta's verification request to the public URL and checks the challenge comes back from this listener."}
        </p>
      )}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  )
}
