import { useState } from 'react'
import { tokenKindLabels, type AppError, type ConnectionTest } from '@shared/contract'
import { api } from '../../api'
import { ErrorMessage, formatDuration, formatFull } from '../../components'


/** "Test connection": debug_token and the phone number, each with its own result or Graph error. */
export function ConnectionTestPanel({ profileId, hasToken }: { profileId: string; hasToken: boolean }) {
  const [running, setRunning] = useState(false)
  const [result, setResult] = useState<ConnectionTest | null>(null)
  const [error, setError] = useState<AppError | null>(null)

  const run = async () => {
    setRunning(true)
    setError(null)
    const response = await api().profiles.testConnection({ id: profileId })
    setRunning(false)
    if (response.ok) setResult(response.value)
    else {
      setResult(null)
      setError(response.error)
    }
  }

  const turnProofOn = async () => {
    const saved = await api().profiles.save({ id: profileId, settings: { appSecretProof: true } })
    if (saved.ok) await run()
    else setError(saved.error)
  }

  const token = result?.token
  const phone = result?.phone
  return (
    <section className="connection-test" aria-label="Connection test">
      <div className="inline-form">
        <button type="button" className="button" onClick={() => void run()} disabled={running || !hasToken}>
          {running ? 'Testing…' : 'Test connection'}
        </button>
        {!hasToken ? <span className="muted">Save an access token first.</span> : null}
        {running ? (
          <span className="muted" role="status">
            Asking Graph about the token and the phone number…
          </span>
        ) : null}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {result?.appSecretProofRequired ? (
        <div className="banner banner--warning" role="alert">
          This app has <strong>Require App Secret</strong> on: Meta refuses every call without <code>appsecret_proof</code>.{' '}
          <button type="button" className="button button--small button--primary" onClick={() => void turnProofOn()}>
            Turn on appsecret_proof and test again
          </button>
        </div>
      ) : null}
      {result ? (
        <div className="connection-test__results">
          <div>
            <h3>Token</h3>
            {result.tokenError ? <ErrorMessage error={result.tokenError} /> : null}
            {token ? (
              <dl className="facts">
                <dt>Status</dt>
                <dd>
                  {token.valid ? <span className="badge badge--ok">valid</span> : <span className="badge badge--danger">not valid</span>}
                  {token.error ? ` Graph ${token.error.code ?? ''}${token.error.subcode ? `/${token.error.subcode}` : ''}: ${token.error.message}` : null}
                </dd>
                <dt>Type</dt>
                <dd>{tokenKindLabels[token.kind]}</dd>
                {token.application ? (
                  <>
                    <dt>App</dt>
                    <dd>
                      {token.application} ({token.appId})
                    </dd>
                  </>
                ) : null}
                <dt>Expires</dt>
                <dd>{token.expiresAt === 0 ? 'never' : token.expiresAt === null ? 'unknown' : `${formatFull(token.expiresAt)} (${token.expiresAt >= result.checkedAt ? `in ${formatDuration(token.expiresAt - result.checkedAt)}` : `${formatDuration(result.checkedAt - token.expiresAt)} ago`})`}</dd>
                <dt>Scopes</dt>
                <dd>{token.scopes.length ? token.scopes.join(', ') : 'none'}</dd>
              </dl>
            ) : null}
            {token?.problems.map((problem) => (
              <p key={problem} className="banner banner--warning">
                {problem}
              </p>
            ))}
          </div>
          <div>
            <h3>Phone number</h3>
            {result.phoneError ? <ErrorMessage error={result.phoneError} /> : null}
            {phone ? (
              <dl className="facts">
                <dt>Verified name</dt>
                <dd>{phone.verifiedName ?? '—'}</dd>
                <dt>Number</dt>
                <dd>{phone.displayPhoneNumber ?? '—'}</dd>
                <dt>Quality rating</dt>
                <dd>{phone.qualityRating ?? '—'}</dd>
                {phone.throughput ? (
                  <>
                    <dt>Throughput</dt>
                    <dd>{phone.throughput}</dd>
                  </>
                ) : null}
              </dl>
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  )
}
