import { useEffect, useState, type FormEvent } from 'react'
import { forwardUrl } from '@shared/contract'
import { ErrorMessage } from '../../../components'
import { useAppInfo, useConnection, useForward } from '../../../stores'
import { ForwardTargetItem } from './ForwardTargetItem'

/**
 * Where accepted deliveries go besides the inbox: the operator's own bot. Each target with its
 * health and queue, and a form to add one.
 */
export function ForwardPanel() {
  const status = useForward((s) => s.status)
  const error = useForward((s) => s.error)
  const connection = useConnection((s) => s.state)
  // Targets belong to a profile: another active profile has others.
  const profile = useAppInfo((s) => s.info?.profile ?? null)
  useEffect(() => {
    if (connection === 'open') void useForward.getState().load()
  }, [connection, profile])
  const [open, setOpen] = useState(false)
  if (!status) return null
  const paused = status.targets.filter((target) => target.health.state === 'paused').length
  const summary =
    status.targets.length === 0
      ? 'off · send every delivery on to your own bot'
      : `${status.targets.length} bot${status.targets.length === 1 ? '' : 's'}${paused ? ` · ${paused} paused` : ''}`
  return (
    <section className="forward" aria-label="Forwarding">
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className="forward__title">
          <strong>Forwarding</strong> <span className={paused ? 'forward__summary forward__summary--danger' : 'forward__summary'}>{summary}</span>
        </summary>
        <p className="muted forward__about">
          Every accepted delivery also goes to your bot, byte for byte with Meta&apos;s headers: its X-Hub-Signature-256 check passes with the same
          app secret. Failures are retried for {status.horizonHours} h; a bot that keeps failing is paused and resumed when it answers.
        </p>
        {status.targets.length === 0 ? (
          <p className="muted forward__empty">
            No bot yet. Add its webhook URL (e.g. <code>http://localhost:3000/webhook</code>) to develop it against live or sandbox traffic.
          </p>
        ) : (
          <ul className="forward__targets" aria-label="Forward targets">
            {status.targets.map((target) => (
              <ForwardTargetItem key={target.id} target={target} />
            ))}
          </ul>
        )}
        <AddTarget />
        <Horizon hours={status.horizonHours} />
        {error ? <ErrorMessage error={error} /> : null}
      </details>
    </section>
  )
}

function AddTarget() {
  const add = useForward((s) => s.add)
  const busy = useForward((s) => s.busy === 'add')
  const [url, setUrl] = useState('')
  const [resign, setResign] = useState(false)
  const [secret, setSecret] = useState('')
  const [passVerification, setPassVerification] = useState(false)
  const checked = url.trim() === '' ? null : forwardUrl.safeParse(url)
  const problem = checked && !checked.success ? checked.error.issues[0]!.message : null
  const secretProblem = resign && secret.length < 8 ? 'At least 8 characters' : null

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!checked?.success || secretProblem) return
    const ok = await add({ url: url.trim(), ...(passVerification ? { passVerification } : {}), ...(resign ? { signingSecret: secret } : {}) })
    if (ok) {
      setUrl('')
      setSecret('')
      setResign(false)
    }
  }

  return (
    <form className="forward__add" aria-label="Add a forward target" onSubmit={(event) => void onSubmit(event)}>
      <div className="inline-form">
        <label htmlFor="forward-url">Forward to</label>
        <input
          id="forward-url"
          className="input input--mono forward__url"
          placeholder="http://localhost:3000/webhook"
          value={url}
          aria-invalid={problem !== null}
          aria-describedby="forward-url-problem"
          onChange={(event) => setUrl(event.target.value)}
        />
        <button type="submit" className="button button--small button--primary" disabled={!checked?.success || secretProblem !== null || busy}>
          {busy ? 'Adding…' : 'Add'}
        </button>
      </div>
      {problem ? (
        <p id="forward-url-problem" className="field__note forward__problem">
          {problem}
        </p>
      ) : null}
      <div className="inline-form forward__options">
        <label>
          <input type="checkbox" checked={passVerification} onChange={(event) => setPassVerification(event.target.checked)} /> Pass Meta&apos;s
          verification handshake on too
        </label>
        <label>
          <input type="checkbox" checked={resign} onChange={(event) => setResign(event.target.checked)} /> Sign with another secret (a bot on a
          different app)
        </label>
        {resign ? (
          <input
            className="input input--mono"
            type="password"
            aria-label="Signing secret"
            autoComplete="off"
            placeholder="the bot's app secret"
            value={secret}
            onChange={(event) => setSecret(event.target.value)}
          />
        ) : null}
      </div>
    </form>
  )
}

/** How long failed forwards are retried before they are given up. */
function Horizon({ hours }: { hours: number }) {
  const [value, setValue] = useState(String(hours))
  const busy = useForward((s) => s.busy === 'horizon')
  const n = Number(value)
  const valid = Number.isInteger(n) && n >= 1 && n <= 720
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (valid) void useForward.getState().setHorizon(n)
  }
  return (
    <form className="inline-form forward__horizon" onSubmit={onSubmit}>
      <label htmlFor="forward-horizon">Retry failed forwards for</label>
      <input id="forward-horizon" className="input input--mono listener__number" inputMode="numeric" value={value} aria-invalid={!valid} onChange={(event) => setValue(event.target.value)} />
      <span>hours</span>
      <button type="submit" className="button button--small" disabled={!valid || busy || n === hours}>
        {busy ? 'Saving…' : 'Save'}
      </button>
    </form>
  )
}
