import type { MessageView } from '@shared/contract'
import { describeGraphError } from '../graph'
import type { MessageRow } from '../store'

/** A stored message as the UI gets it: with the operator hint for its first error (failed status, unsupported type). */
export function messageView(row: MessageRow): MessageView {
  const first = Array.isArray(row.errors) ? (row.errors[0] as { code?: unknown } | undefined) : undefined
  const code = typeof first?.code === 'number' ? first.code : null
  return { ...row, hint: code === null ? null : describeGraphError({ status: 200, code, subcode: null, isTransient: null, source: 'status' }).hint }
}
