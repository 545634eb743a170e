import { useEffect, useState } from 'react'
import type { AppError, MediaSettings } from '@shared/contract'
import { api } from '../../api'
import { ErrorMessage, Field, formatBytes } from '../../components'

const MB = 1024 * 1024

/** The media store: how much disk it may use, and up to what size files download as they arrive. */
export function MediaSettingsPanel() {
  const [settings, setSettings] = useState<MediaSettings | null>(null)
  const [budgetMb, setBudgetMb] = useState('')
  const [autoMb, setAutoMb] = useState('')
  const [error, setError] = useState<AppError | null>(null)
  const [saving, setSaving] = useState(false)

  const show = (value: MediaSettings) => {
    setSettings(value)
    setBudgetMb(String(Math.round(value.budgetBytes / MB)))
    setAutoMb(String(Math.round((value.autoDownloadBytes / MB) * 10) / 10))
  }

  useEffect(() => {
    void api()
      .media.settings()
      .then((result) => (result.ok ? show(result.value) : setError(result.error)))
  }, [])

  const budget = Number(budgetMb)
  const auto = Number(autoMb)
  const budgetProblem = !Number.isFinite(budget) || budget < 64 ? 'At least 64 MB' : null
  const autoProblem = !Number.isFinite(auto) || auto < 0 || auto > 100 ? 'From 0 (never) to 100 MB' : null

  const save = async () => {
    setSaving(true)
    const result = await api().media.setSettings({ budgetBytes: Math.round(budget * MB), autoDownloadBytes: Math.round(auto * MB) })
    setSaving(false)
    if (result.ok) {
      show(result.value)
      setError(null)
    } else setError(result.error)
  }

  return (
    <section className="media-settings" aria-label="Media">
      <h2>Media</h2>
      {settings ? (
        <p className="muted" data-testid="media-usage">
          {formatBytes(settings.usedBytes)} of {formatBytes(settings.budgetBytes)} used by {settings.files} file{settings.files === 1 ? '' : 's'}
        </p>
      ) : null}
      <Field label="Disk budget (MB)" error={budgetProblem} hint="Beyond it, the least recently viewed files are removed (they can be downloaded again while Meta keeps them).">
        {(id, describedBy) => <input id={id} aria-describedby={describedBy} inputMode="numeric" value={budgetMb} onChange={(e) => setBudgetMb(e.target.value)} />}
      </Field>
      <Field label="Download automatically up to (MB)" error={autoProblem} hint="Larger files download when you click them. 0: never automatically.">
        {(id, describedBy) => <input id={id} aria-describedby={describedBy} inputMode="decimal" value={autoMb} onChange={(e) => setAutoMb(e.target.value)} />}
      </Field>
      {error ? <ErrorMessage error={error} /> : null}
      <button type="button" className="button" disabled={!settings || saving || Boolean(budgetProblem ?? autoProblem)} onClick={() => void save()}>
        {saving ? 'Saving…' : 'Save media settings'}
      </button>
    </section>
  )
}
