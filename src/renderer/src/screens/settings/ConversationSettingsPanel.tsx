import { useEffect, useState } from 'react'
import type { AppError, ComposerSettings } from '@shared/contract'
import { api } from '../../api'
import { ErrorMessage } from '../../components'

/** How opening a conversation looks to the customer. */
export function ConversationSettingsPanel() {
  const [settings, setSettings] = useState<ComposerSettings | null>(null)
  const [error, setError] = useState<AppError | null>(null)

  useEffect(() => {
    void api()
      .composer.settings()
      .then((result) => (result.ok ? setSettings(result.value) : setError(result.error)))
  }, [])

  const change = async (readReceiptsOnOpen: boolean) => {
    const result = await api().composer.setSettings({ readReceiptsOnOpen })
    if (result.ok) {
      setSettings(result.value)
      setError(null)
    } else setError(result.error)
  }

  return (
    <section className="media-settings" aria-label="Conversations">
      <h2>Conversations</h2>
      <label className="composer__check">
        <input type="checkbox" disabled={!settings} checked={settings?.readReceiptsOnOpen ?? false} onChange={(event) => void change(event.target.checked)} /> When I open a
        conversation with unread messages, the customer sees them read (blue ticks) and “typing…” until I answer (at most 25 s)
      </label>
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  )
}
