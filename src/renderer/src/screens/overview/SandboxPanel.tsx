import { ErrorMessage } from '../../components'
import { useSandbox } from '../../stores'

/** While the sandbox runs: say plainly that this is a simulation, and let the operator drive its customers and its app. */
export function SandboxPanel() {
  const status = useSandbox((s) => s.status)
  const error = useSandbox((s) => s.error)
  const { setCustomers, simulate, setRequireAppSecret } = useSandbox.getState()
  if (!status?.running) return null
  const usernames = status.people.filter((person) => person.username !== null).length
  return (
    <section className="sandbox-panel" aria-label="Sandbox">
      <h2>Sandbox</h2>
      <p>
        Connected to the built-in <strong>Cloud API simulator</strong> at <code>{status.url}</code>, not to Meta. Its app, number, customers and
        tokens are simulated.
        {usernames ? ` ${usernames} of its ${status.people.length} customers use a username and keep their number private: they write with a BSUID only.` : ''}
      </p>
      {status.webhookProblem ? <p className="banner banner--warning">Webhooks: {status.webhookProblem}</p> : null}
      {error ? <ErrorMessage error={error} /> : null}
      <div className="inline-form">
        <label>
          <input type="checkbox" checked={status.customers} onChange={(event) => void setCustomers(event.target.checked)} /> Simulated customers write in
        </label>
        <button type="button" className="button button--small" onClick={() => void simulate()}>
          Simulate a customer message
        </button>
        <button type="button" className="button button--small" onClick={() => void simulate({ username: true })} disabled={usernames === 0}>
          …from a username customer
        </button>
      </div>
      <div className="inline-form">
        <label title="The simulated app's Advanced setting: Graph then refuses user and system-user calls without appsecret_proof (code 100)">
          <input type="checkbox" checked={status.requireAppSecret} onChange={(event) => void setRequireAppSecret(event.target.checked)} /> App requires the app
          secret (appsecret_proof)
        </label>
      </div>
    </section>
  )
}
