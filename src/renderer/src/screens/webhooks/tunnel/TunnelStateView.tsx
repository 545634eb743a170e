import type { TunnelStatus } from '@shared/contract'
import { RelativeTime, useSecondTick } from '../../../components'
import { CopyableUrl } from './CopyableUrl'
import { providerLabels, stateLabels, stateTone } from './labels'

/** off → starting → online → error, the provider and since when: one line, shown even when the panel is folded. */
export function TunnelStateView({ status }: { status: TunnelStatus }) {
  return (
    <div className="tunnel-state" role="status" aria-label="Tunnel state">
      <span className={`dot tunnel-state__dot tunnel-state__dot--${status.state}`} aria-hidden="true" />
      <span className={`badge badge--${stateTone[status.state]} tunnel-state__badge`} data-testid="tunnel-state">
        {stateLabels[status.state]}
      </span>
      {status.provider ? <span className="muted">{providerLabels[status.provider]}</span> : null}
      <span className="muted">
        since <RelativeTime at={status.since} />
      </span>
      {status.restarts > 0 ? (
        <span className="muted">
          restarted {status.restarts} time{status.restarts === 1 ? '' : 's'}
        </span>
      ) : null}
    </div>
  )
}

/** Once online: the public URL, and the callback URL Meta should call, each to copy. */
export function TunnelUrls({ publicUrl, webhookUrl }: { publicUrl: string; webhookUrl: string }) {
  return (
    <div className="tunnel-urls">
      <CopyableUrl key={publicUrl} url={publicUrl} label="Public URL" testId="tunnel-public-url" />
      <CopyableUrl key={webhookUrl} url={webhookUrl} label="Callback URL" testId="tunnel-webhook-url" />
    </div>
  )
}

/** Why the tunnel is not online, what to do about it, and when a dead provider is started again. */
export function TunnelProblem({ status }: { status: TunnelStatus }) {
  if (status.state !== 'error') return status.retryAt ? <RetryCountdown at={status.retryAt} /> : null
  return (
    <div className="error-message" role="alert" data-testid="tunnel-error">
      <div>{status.error ?? 'The tunnel failed.'}</div>
      {status.fix ? <div className="error-message__fix">{status.fix}</div> : null}
      {status.retryAt ? <RetryCountdown at={status.retryAt} /> : null}
    </div>
  )
}

function RetryCountdown({ at }: { at: number }) {
  const now = useSecondTick()
  const seconds = Math.max(0, Math.ceil((at - now) / 1000))
  return <div className="muted">{seconds > 0 ? `Starting it again in ${seconds} s.` : 'Starting it again…'}</div>
}
