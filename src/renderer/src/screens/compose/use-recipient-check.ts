import { useEffect, useMemo, useState } from 'react'
import type { AppError, CallResult } from '@shared/contract'
import { checkRecipient, type RecipientCheck as TypedCheck } from '@shared/recipient'
import { api } from '../../api'
import { useComposer } from '../../stores'

export type RecipientCheck = CallResult<'composer.check'>

interface Answer {
  address: string
  check: RecipientCheck | null
  error: AppError | null
}

const CHECK_DELAY_MS = 200

/** What a checked recipient is sent to: the phone number in E.164, or the BSUID as it is. */
export function recipientAddress(recipient: TypedCheck): string | null {
  if (!recipient.ok) return null
  return recipient.kind === 'phone' ? recipient.e164 : recipient.userId
}

/**
 * The recipient checked twice: at once in the page (libphonenumber, or the BSUID's form, so a bad
 * recipient is refused while typing), and by the core for the 24-hour window, recent sends and
 * marketing opt-outs. The core's answer is asked again whenever the conversation changes (an
 * inbound message opens the window, a send counts toward a burst).
 */
export function useRecipientCheck(to: string): { recipient: TypedCheck; address: string | null; check: RecipientCheck | null; error: AppError | null } {
  const recipient = useMemo(() => checkRecipient(to), [to])
  const address = recipientAddress(recipient)
  const [answer, setAnswer] = useState<Answer | null>(null)
  const current = answer && answer.address === address ? answer : null
  const conversation = current?.check?.recipient?.contact ?? (recipient.ok ? (recipient.kind === 'phone' ? recipient.waId : recipient.userId) : null)
  const touched = useComposer((s) => (conversation ? (s.touched[conversation] ?? 0) : 0))

  useEffect(() => {
    if (!address) return
    let live = true
    const timer = setTimeout(() => {
      void api()
        .composer.check({ to: address })
        .then((result) => {
          if (live) setAnswer(result.ok ? { address, check: result.value, error: null } : { address, check: null, error: result.error })
        })
    }, CHECK_DELAY_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [address, touched])

  return { recipient, address, check: current?.check ?? null, error: current?.error ?? null }
}
