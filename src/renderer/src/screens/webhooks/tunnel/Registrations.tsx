import type { RegistrationRecordView } from '@shared/contract'
import { ErrorMessage, RelativeTime } from '../../../components'
import { useTunnel } from '../../../stores'
import { modeNames } from './labels'

/**
 * The callbacks Switchboard set at Meta and will put back (on Stop, on quit, or after a crash on
 * the next start), with "Remove" to put them back now.
 */
export function Registrations({ records }: { records: readonly RegistrationRecordView[] }) {
  const unregister = useTunnel((s) => s.unregister)
  const removing = useTunnel((s) => s.busy.unregister === true)
  const error = useTunnel((s) => s.errors.unregister ?? null)
  const outcome = useTunnel((s) => s.unregistered)

  return (
    <section className="tunnel-registrations" aria-label="Registered at Meta">
      <header className="tunnel-section__header">
        <h3>Set at Meta by Switchboard</h3>
        <button type="button" className="button button--small tunnel-section__action" disabled={removing || records.length === 0} onClick={() => void unregister()}>
          {removing ? 'Removing…' : 'Remove'}
        </button>
      </header>
      {records.length === 0 ? (
        <p className="muted">Nothing: Meta delivers where it did before.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Points at</th>
              <th scope="col">Put back on removal</th>
              <th scope="col">Set</th>
            </tr>
          </thead>
          <tbody>
            {records.map((record) => (
              <tr key={record.id}>
                <td>
                  {modeNames[record.mode]} <code>{record.targetId}</code>
                </td>
                <td>
                  <code className="tunnel-break">{record.callbackUrl}</code>
                </td>
                <td>{record.previousUrl ? <code className="tunnel-break">{record.previousUrl}</code> : <span className="muted">nothing (removed)</span>}</td>
                <td>
                  <RelativeTime at={record.createdAt} />
                  {record.ownedHere ? null : <div className="muted">by a Switchboard that is not this one</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error ? <ErrorMessage error={error} /> : null}
      {outcome ? (
        <>
          {outcome.removed.length > 0 ? (
            <p className="banner banner--ok" role="status">
              Put back {outcome.removed.length} callback{outcome.removed.length === 1 ? '' : 's'}:{' '}
              {outcome.removed.map((record) => `${modeNames[record.mode]} ${record.targetId}`).join(', ')}.
            </p>
          ) : outcome.failed.length === 0 ? (
            <p className="muted" role="status">
              Nothing was left to put back.
            </p>
          ) : null}
          {outcome.failed.map(({ record, error: failure }) => (
            <div key={record.id}>
              <p className="danger-text">
                Could not put back the {modeNames[record.mode]} of {record.targetId} (still pointing at {record.callbackUrl}):
              </p>
              <ErrorMessage error={failure} />
            </div>
          ))}
        </>
      ) : null}
    </section>
  )
}
