import { useAppInfo, useToken } from '../../stores'

export interface SendBlock {
  message: string
  fix: string | null
  /** true: nothing can be sent (the form is disabled); false: a warning, sending still works. */
  blocking: boolean
}

/**
 * Whether the active profile can send at all. A token that needs action blocks the composer when
 * it cannot work (missing, expired, invalid, or not a messaging token); one that still works but
 * cannot be refreshed (the temporary API Setup token …) is a warning.
 */
export function useSendBlock(): SendBlock | null {
  const info = useAppInfo((s) => s.info)
  const status = useToken((s) => s.status)
  if (!info) return null
  if (!info.profile) return { message: 'There is no active profile to send from.', fix: 'Add one in Settings, or try the sandbox on the Overview.', blocking: true }
  const action = status?.needsAction
  if (!status || !action) return null
  const kind = status.inspection?.kind
  const dead = status.state === 'expired' || status.state === 'invalid' || status.state === 'no_token' || kind === 'app' || kind === 'page'
  return { message: action.message, fix: action.fix, blocking: dead }
}
