import { NOT_A_GRAPH_ERROR } from './error-envelope'
import { GraphError } from './errors'

export interface Refusal {
  httpStatus: number
  /** Graph's code; null when the answer was not a Graph error (a proxy's page, an empty 502). */
  code: number | null
  subcode: number | null
  /** Meta's short title (`error_user_title`, else its message without the `(#code)` prefix). */
  title: string | null
  /** `error_data.details` (else `error_user_msg`): the specific explanation. */
  details: string | null
  fbtraceId: string | null
}

/**
 * What a call Graph answered with an error leaves to remember it by: the code and Meta's words
 * (already redacted by the client), each address in `addresses` replaced by a placeholder so the
 * recipient is not kept. Null for anything but a Graph answer (no answer, an outcome unknown).
 */
export function refusalOf(error: unknown, addresses: readonly string[] = []): Refusal | null {
  if (!(error instanceof GraphError)) return null
  const hide = (text: string | null) => {
    if (text === null) return null
    let hidden = text
    for (const address of addresses) if (address !== '') hidden = hidden.split(address).join('(the recipient)')
    return hidden
  }
  const graphAnswered = !error.unexpectedResponse && error.graphCode !== NOT_A_GRAPH_ERROR
  return {
    httpStatus: error.status,
    code: graphAnswered ? error.graphCode : null,
    subcode: error.subcode,
    title: hide(error.userTitle ?? (error.graphMessage.replace(/^\(#\d+\)\s*/, '') || null)),
    details: hide(error.details ?? error.userMessage),
    fbtraceId: error.fbtraceId,
  }
}
