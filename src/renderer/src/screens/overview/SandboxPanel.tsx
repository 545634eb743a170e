import { useSandbox } from '../../stores'

/** While the sandbox runs: say plainly that this is a simulation, and let the operator drive its customers. */
export function SandboxPanel() {
  const status = useSandbox((s) => s.status)
  const { setCustomers, simulate } = useSandbox.getState()
  if (!status?.running) return null
  return (
    <section className="sandbox-panel" aria-label="Sandbox">
      <h2>Sandbox</h2>
      <p>
        Connected to the built-in <strong>Cloud API simulator</strong> at <code>{status.url}</code>, not to Meta. Its app, number, customers and
        tokens are simulated.
      </p>
      {status.webhookProblem ? <p className="banner banner--warning">Webhooks: {status.webhookProblem}</p> : null}
      <div className="inline-form">
        <label>
          <input type="checkbox" checked={status.customers} onChange={(event) => void setCustomers(event.target.checked)} /> Simulated customers write in
        </label>
        <button type="button" className="button button--small" onClick={() => void simulate()}>
          Simulate a customer message
        </button>
      </div>
    </section>
  )
}
