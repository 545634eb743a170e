import { useEffect, useMemo, useState } from 'react'
import type { AppError, CallResult } from '@shared/contract'
import { checkRecipient, type PhoneCheck } from '@shared/phone'
import { api } from '../../api'
import { useComposer } from '../../stores'

export type RecipientCheck = CallResult<'composer.check'>

interface Answer {
  waId: string
  check: RecipientCheck | null
  error: AppError | null
}

const CHECK_DELAY_MS = 200

/**
 * The recipient checked twice: at once in the page (libphonenumber, so a bad number is refused
 * while typing), and by the core for the 24-hour window and recent sends. The core's answer is
 * asked again whenever the conversation changes (an inbound message opens the window, a send
 * counts toward a burst).
 */
export function useRecipientCheck(to: string): { phone: PhoneCheck; check: RecipientCheck | null; error: AppError | null } {
  const phone = useMemo(() => checkRecipient(to), [to])
  const waId = phone.ok ? phone.waId : null
  const touched = useComposer((s) => (waId ? (s.touched[waId] ?? 0) : 0))
  const [answer, setAnswer] = useState<Answer | null>(null)

  useEffect(() => {
    if (!waId) return
    let live = true
    const timer = setTimeout(() => {
      void api()
        .composer.check({ to: `+${waId}` })
        .then((result) => {
          if (live) setAnswer(result.ok ? { waId, check: result.value, error: null } : { waId, check: null, error: result.error })
        })
    }, CHECK_DELAY_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [waId, touched])

  const current = answer && answer.waId === waId ? answer : null
  return { phone, check: current?.check ?? null, error: current?.error ?? null }
}
