import { useNav } from '../../stores'
import type { SendBlock } from './use-send-block'

/** Why the composer cannot send (or should not for long), and where to fix it. */
export function SendBlockBanner({ block }: { block: SendBlock }) {
  const go = useNav((s) => s.go)
  return (
    <div className={`banner ${block.blocking ? 'banner--danger' : 'banner--warning'} composer__block`} role="alert" data-testid="send-block">
      <strong>{block.blocking ? 'Sending is blocked: ' : ''}{block.message}</strong>
      {block.fix ? <div>{block.fix}</div> : null}
      <div className="inline-form composer__block-actions">
        <button type="button" className="button button--small" onClick={() => go('overview')}>
          Open Overview
        </button>
        <button type="button" className="button button--small" onClick={() => go('settings')}>
          Open Settings
        </button>
      </div>
    </div>
  )
}
