import type { Handlers } from '../dispatch'
import type { SandboxSession } from './session'

type SandboxCalls =
  | 'sandbox.status'
  | 'sandbox.start'
  | 'sandbox.stop'
  | 'sandbox.setCustomers'
  | 'sandbox.simulateInbound'
  | 'sandbox.setMarketingPreference'
  | 'sandbox.setRequireAppSecret'

export function sandboxHandlers(session: SandboxSession): Pick<Handlers, SandboxCalls> {
  return {
    'sandbox.status': () => session.status(),
    'sandbox.start': (input) => session.start(input ?? {}),
    'sandbox.stop': () => session.stop(),
    'sandbox.setCustomers': ({ running }) => session.setCustomers(running),
    'sandbox.simulateInbound': (input) => session.simulateInbound(input ?? {}),
    'sandbox.setMarketingPreference': ({ from, value }) => session.setMarketingPreference(from, value),
    'sandbox.setRequireAppSecret': ({ on }) => session.setRequireAppSecret(on),
  }
}
