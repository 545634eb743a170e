import { useAppInfo, useConnection } from '../stores'

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
  return (
    <footer className="status-bar" aria-label="Status">
      <span className={`status-bar__connection status-bar__connection--${state}`} role="status" data-testid="connection-state">
        <span className="dot" aria-hidden="true" />
        {connectionText[state]}
      </span>
      <span data-testid="active-profile">Profile: {info?.profile ?? 'none'}</span>
      <span className="status-bar__spacer" />
      <span>{shell === 'electron' ? 'Desktop app' : 'Browser mode'}</span>
      {info ? <span>v{info.version}</span> : null}
    </footer>
  )
}
