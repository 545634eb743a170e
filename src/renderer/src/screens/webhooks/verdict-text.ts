import type { RequestSummary } from '@shared/contract'

export const verdictLabels: Record<RequestSummary['verdict'], string> = {
  accepted: 'Accepted',
  rejected: 'Rejected',
  verified: 'Verified',
  verify_failed: 'Verification failed',
}

export const signatureLabels: Record<RequestSummary['signature'], string> = {
  valid: 'signature valid',
  invalid: 'signature invalid',
  missing: 'signature missing',
  not_checked: 'signature not checked',
}

/** Good verdicts in green, refusals in red; the words carry the meaning either way. */
export const verdictTone: Record<RequestSummary['verdict'], 'ok' | 'danger'> = {
  accepted: 'ok',
  verified: 'ok',
  rejected: 'danger',
  verify_failed: 'danger',
}
