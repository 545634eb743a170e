import { ErrorMessage } from '../../../components'
import { useTunnel } from '../../../stores'

/** Whether a quick tunnel that comes back at a new URL is registered with Meta again by itself. */
export function AutoReregister({ enabled }: { enabled: boolean }) {
  const set = useTunnel((s) => s.setAutoReregister)
  const saving = useTunnel((s) => s.busy.autoReregister === true)
  const error = useTunnel((s) => s.errors.autoReregister ?? null)
  return (
    <div className="tunnel-auto">
      <label className="radio-row">
        <input type="checkbox" checked={enabled} disabled={saving} onChange={(event) => void set(event.target.checked)} />
        Register again by itself when a quick tunnel comes back with a new URL
      </label>
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  )
}
