/**
 * Statuses arrive out of order and `read` may come without `delivered`; the current status only
 * ever moves forward. `failed` is final whatever came before it.
 */
const ranks: Record<string, number> = {
  accepted: 1,
  sent: 2,
  delivered: 3,
  read: 4,
  played: 5,
  deleted: 6,
  failed: 9,
}

export function statusRank(status: string): number {
  return ranks[status] ?? 0
}
