import type { AppError } from '@shared/contract'

/** A registration failure carries Meta's hint both as the Graph hint and as the fix: show it once. */
export function withoutRepeatedFix(error: AppError): AppError {
  if (!error.fix || error.fix !== error.graph?.hint) return error
  const { fix: _fix, ...rest } = error
  return rest
}
