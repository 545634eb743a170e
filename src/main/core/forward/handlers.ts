import type { Handlers } from '../dispatch'
import type { ForwardService } from './service'

type ForwardCalls =
  | 'forward.status'
  | 'forward.addTarget'
  | 'forward.updateTarget'
  | 'forward.removeTarget'
  | 'forward.jobs'
  | 'forward.replay'
  | 'forward.resend'
  | 'forward.retry'
  | 'forward.setHorizon'

export function forwardHandlers(forward: ForwardService): Pick<Handlers, ForwardCalls> {
  return {
    'forward.status': () => forward.status(),
    'forward.addTarget': (input) => forward.addTarget(input),
    'forward.updateTarget': (input) => forward.updateTarget(input),
    'forward.removeTarget': ({ id }) => forward.removeTarget(id),
    'forward.jobs': ({ requestId }) => forward.jobs(requestId),
    'forward.replay': (input) => forward.replay(input),
    'forward.resend': (input) => forward.resend(input),
    'forward.retry': ({ targetId }) => forward.retry(targetId),
    'forward.setHorizon': ({ hours }) => forward.setHorizon(hours),
  }
}
