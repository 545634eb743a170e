import { SwitchboardError, type AppError } from '@shared/contract'
import { GraphError } from '../graph'

/** Meta's "callback verification failed" (its GET to the URL did not get the challenge back). */
const VERIFICATION_FAILED = 2200

const verificationHint =
  "Meta's verification request did not get the challenge back from the URL: check that the tunnel is online and forwards to this Switchboard (run the self-test), and that the listener accepts the profile's verify token (the request inspector shows Meta's GET and why it was refused)."

/**
 * A registration failed: keep Meta's error and add what it means here. Meta's 2200 in particular is
 * answered with where to look, since the cause is almost always on this side of the tunnel.
 */
export function registrationFailure(error: unknown, what: string): SwitchboardError {
  if (error instanceof GraphError) {
    const hint = error.graphCode === VERIFICATION_FAILED ? verificationHint : error.hint
    return new SwitchboardError({
      code: error.code,
      message: `${what}: ${error.message}`,
      graph: { ...error.graph, hint },
      requestId: error.requestId,
    })
  }
  if (error instanceof SwitchboardError) return new SwitchboardError({ ...error.toJSON(), message: `${what}: ${error.message}` })
  return new SwitchboardError({ code: 'internal', message: `${what}: ${error instanceof Error ? error.message : String(error)}` })
}

export function appErrorOf(error: unknown): AppError {
  return error instanceof SwitchboardError ? error.toJSON() : { code: 'internal', message: error instanceof Error ? error.message : String(error) }
}
