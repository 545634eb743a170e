import { useEffect, useState } from 'react'
import type { ForwardJob } from '@shared/contract'
import { formatFull } from '../../../components'
import { selectTargets, useForward } from '../../../stores'

const kindLabels: Record<ForwardJob['kind'], string> = { live: 'as received', replay: 'replay', edited: 'edited and resent' }
const stateLabels: Record<ForwardJob['state'], string> = { pending: 'on its way', delivered: 'delivered', expired: 'given up' }
const stateTone: Record<ForwardJob['state'], string> = { pending: 'warn', delivered: 'ok', expired: 'danger' }

/** Where a stored delivery went: every forward with each attempt, and the means to send it again. Keyed by request (a new one starts unedited). */
export function RequestForwards({ requestId, body }: { requestId: number; body: string | null }) {
  const jobs = useForward((s) => (s.jobs?.requestId === requestId ? s.jobs.items : null))
  const targets = useForward(selectTargets)
  const busy = useForward((s) => s.busy)
  const queued = useForward((s) => s.queued)
  const [editing, setEditing] = useState(false)
  useEffect(() => {
    void useForward.getState().loadJobs(requestId)
  }, [requestId])
  if (targets.length === 0 && (jobs?.length ?? 0) === 0) return null
  return (
    <section className="request-forwards" aria-label="Forwards">
      <h3>Forwarded</h3>
      {jobs === null ? (
        <p className="muted" role="status">
          Loading forwards…
        </p>
      ) : jobs.length === 0 ? (
        <p className="muted">Not forwarded (it arrived before a target was added, or the target was off).</p>
      ) : (
        <ul className="request-forwards__jobs">
          {jobs.map((job) => (
            <li key={job.id} data-testid="forward-job">
              <div>
                <code>{job.targetUrl}</code> <span className="badge">{kindLabels[job.kind]}</span>{' '}
                <span className={`badge badge--${stateTone[job.state]}`}>{stateLabels[job.state]}</span>
              </div>
              {job.attempts.length === 0 ? (
                <p className="muted">Not tried yet.</p>
              ) : (
                <table className="table request-forwards__attempts" aria-label={`Attempts to ${job.targetUrl}`}>
                  <thead>
                    <tr>
                      <th>At</th>
                      <th>Outcome</th>
                      <th>Latency</th>
                      <th>Answer</th>
                    </tr>
                  </thead>
                  <tbody>
                    {job.attempts.map((attempt, index) => (
                      <tr key={index}>
                        <td>{formatFull(attempt.at)}</td>
                        <td className={attempt.error ? 'request-forwards__failed' : ''}>{attempt.error ?? `HTTP ${attempt.status ?? '?'}`}</td>
                        <td>{attempt.latencyMs} ms</td>
                        <td>
                          <code className="request-forwards__answer">{attempt.answer ?? ''}</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </li>
          ))}
        </ul>
      )}
      {targets.length > 0 ? (
        <div className="inline-form">
          <button type="button" className="button button--small" disabled={busy !== null} onClick={() => void useForward.getState().replay({ requestIds: [requestId] })}>
            {busy === 'replay' ? 'Queuing…' : 'Replay'}
          </button>
          {body !== null ? (
            <button type="button" className="button button--small" disabled={busy !== null} onClick={() => setEditing(true)}>
              Edit and resend…
            </button>
          ) : null}
          {queued ? (
            <span className="muted" role="status">
              {queued}
            </span>
          ) : null}
        </div>
      ) : null}
      {editing && body !== null ? <ResendEditor requestId={requestId} body={body} onDone={() => setEditing(false)} /> : null}
    </section>
  )
}

function ResendEditor({ requestId, body, onDone }: { requestId: number; body: string; onDone: () => void }) {
  const targets = useForward(selectTargets)
  const busy = useForward((s) => s.busy === 'resend')
  const [text, setText] = useState(body)
  const [targetId, setTargetId] = useState(targets[0]?.id ?? 0)
  let problem: string | null = null
  try {
    JSON.parse(text)
  } catch (error) {
    problem = `Not valid JSON: ${(error as Error).message}`
  }
  const send = async () => {
    if (problem) return
    if (await useForward.getState().resend({ requestId, targetId, body: text })) onDone()
  }
  return (
    <div className="resend" role="group" aria-label="Edit and resend">
      <p className="muted">Sent to the target signed anew with the profile&apos;s app secret (or the target&apos;s own), and marked as edited in the inspector.</p>
      <textarea
        className="input input--mono resend__body"
        aria-label="Body to resend"
        spellCheck={false}
        value={text}
        aria-invalid={problem !== null}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void send()
          if (event.key === 'Escape') onDone()
        }}
      />
      {problem ? <p className="field__note forward__problem">{problem}</p> : null}
      <div className="inline-form">
        {targets.length > 1 ? (
          <select className="input" aria-label="Resend to" value={targetId} onChange={(event) => setTargetId(Number(event.target.value))}>
            {targets.map((target) => (
              <option key={target.id} value={target.id}>
                {target.url}
              </option>
            ))}
          </select>
        ) : null}
        <button type="button" className="button button--small button--primary" disabled={problem !== null || busy} onClick={() => void send()}>
          {busy ? 'Sending…' : 'Send edited body'}
        </button>
        <button type="button" className="button button--small button--ghost" onClick={onDone}>
          Cancel
        </button>
        <span className="muted">Ctrl+Enter sends, Esc cancels</span>
      </div>
    </div>
  )
}
