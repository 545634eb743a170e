import type { RegistrationResult } from '@shared/contract'
import { JsonView } from '../../../components'
import { modeNames } from './labels'

/** What a registration did: each Graph call with the answer it got. */
export function RegistrationSteps({ result, sandbox }: { result: RegistrationResult; sandbox: boolean }) {
  const who = sandbox ? "The sandbox's" : "Meta's"
  return (
    <div className="tunnel-register__result" data-testid="registration-result">
      <p className="banner banner--ok" role="status">
        Registered: {modeNames[result.mode]} of <code>{result.record.targetId}</code> now points at <code className="tunnel-break">{result.callbackUrl}</code>.
      </p>
      {result.warning ? <p className="banner banner--warning">{result.warning}</p> : null}
      <ol className="tunnel-register__steps">
        {result.steps.map((step, index) => (
          <li key={index}>
            <code>{step.request}</code>
            <div className="muted">{who} answer:</div>
            <JsonView value={step.answer} label={`${who} answer to ${step.request}`} />
          </li>
        ))}
      </ol>
    </div>
  )
}
