import { useAppInfo, useConnection, useNav, useProfiles } from '../stores'
import { TokenClock } from './TokenClock'

const connectionText = {
  connecting: 'Connecting…',
  open: 'Connected',
  reconnecting: 'Connection lost — retrying…',
  'no-token': 'Not connected: open the URL printed by switchboard serve',
} as const

export function StatusBar() {
  const state = useConnection((s) => s.state)
  const shell = useConnection((s) => s.shell)
  const info = useAppInfo((s) => s.info)
  const keychain = useProfiles((s) => s.keychain)
  const go = useNav((s) => s.go)
  return (
    <footer className="status-bar" aria-label="Status">
      <span className={`status-bar__connection status-bar__connection--${state}`} role="status" data-testid="connection-state">
        <span className="dot" aria-hidden="true" />
        {connectionText[state]}
      </span>
      <button type="button" className="status-bar__link" data-testid="active-profile" onClick={() => go('settings')}>
        Profile: {info?.profile ?? 'none'}
      </button>
      {info?.sandbox ? (
        <span className="badge badge--warn" data-testid="sandbox-badge" title="Switchboard talks to its built-in Cloud API simulator, not to Meta">
          Sandbox — simulated Cloud API, not Meta
        </span>
      ) : info?.customGraphBaseUrl ? (
        <button
          type="button"
          className="status-bar__link badge badge--warn"
          data-testid="custom-graph-base-url-badge"
          title={`Graph API calls, with their tokens, go to ${info.customGraphBaseUrl} (SWITCHBOARD_GRAPH_BASE_URL), not to Meta`}
          onClick={() => go('settings')}
        >
          Graph API: {info.customGraphBaseUrl} — not Meta
        </button>
      ) : null}
      <TokenClock />
      {keychain && keychain.state !== 'available' ? (
        <button type="button" className="status-bar__link status-bar__alert" onClick={() => go('settings')}>
          Keychain {keychain.state}
        </button>
      ) : null}
      <span className="status-bar__spacer" />
      <span>{shell === 'electron' ? 'Desktop app' : 'Browser mode'}</span>
      {info ? <span>v{info.version}</span> : null}
    </footer>
  )
}
