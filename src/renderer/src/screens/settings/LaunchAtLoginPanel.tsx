import { useEffect, useState } from 'react'
import type { AppError, AppSettingsView } from '@shared/contract'
import { api } from '../../api'
import { ErrorMessage } from '../../components'

/** Start at login: off unless the operator turns it on; only the installed desktop app registers it with the OS. */
export function LaunchAtLoginPanel() {
  const [settings, setSettings] = useState<AppSettingsView | null>(null)
  const [error, setError] = useState<AppError | null>(null)

  useEffect(() => {
    void api()
      .app.settings()
      .then((result) => (result.ok ? setSettings(result.value) : setError(result.error)))
  }, [])

  const change = async (launchAtLogin: boolean) => {
    const result = await api().app.setSettings({ launchAtLogin })
    if (result.ok) {
      setSettings(result.value)
      setError(null)
    } else setError(result.error)
  }

  return (
    <section className="media-settings" aria-label="Startup">
      <h2>Startup</h2>
      <label className="composer__check">
        <input type="checkbox" disabled={!settings} checked={settings?.launchAtLogin ?? false} onChange={(event) => void change(event.target.checked)} /> Start
        Switchboard when I log in to this computer
      </label>
      {settings && !settings.appliesHere ? (
        <p className="muted" data-testid="launch-at-login-note">
          This applies to the installed desktop app only: it is kept here, and the desktop app follows it the next time it starts.
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  )
}
