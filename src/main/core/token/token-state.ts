import { createHash } from 'node:crypto'
import type { AppError, RefreshStrategy, TokenInspection } from '@shared/contract'
import type { ClockTimer } from '../clock'
import type { RefreshLogEntry } from '../store'

/** What the token service knows about one profile's token between calls. */
export interface TokenState {
  inspection: TokenInspection | null
  lastError: AppError | null
  refreshing: Promise<RefreshLogEntry> | null
  recovering: Promise<string> | null
  refreshTimer: ClockTimer | undefined
  inspectTimer: ClockTimer | undefined
  nextRefreshAt: number | null
  nextInspectionAt: number | null
  failures: number
  lastScheduledRun: number
  /** Strategies that gained nothing for the token with this fingerprint: not tried again for it. */
  barren: { token: string; strategies: Set<RefreshStrategy> } | null
}

export function newTokenState(): TokenState {
  return {
    inspection: null,
    lastError: null,
    refreshing: null,
    recovering: null,
    refreshTimer: undefined,
    inspectTimer: undefined,
    nextRefreshAt: null,
    nextInspectionAt: null,
    failures: 0,
    lastScheduledRun: 0,
    barren: null,
  }
}

/** Which token a note is about, without keeping another copy of it. */
function fingerprint(token: string | undefined): string {
  return createHash('sha256').update(token ?? '').digest('hex')
}

/** The strategies that already gained nothing for this very token. */
export function barrenFor(state: TokenState, token: string | undefined): ReadonlySet<RefreshStrategy> | undefined {
  return token && state.barren?.token === fingerprint(token) ? state.barren.strategies : undefined
}

export function markBarren(state: TokenState, token: string | undefined, strategy: RefreshStrategy): void {
  const strategies = new Set(barrenFor(state, token))
  strategies.add(strategy)
  state.barren = { token: fingerprint(token), strategies }
}
