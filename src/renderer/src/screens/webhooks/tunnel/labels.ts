import type { CallbackLevel, RegistrationMode, TunnelProviderKind, TunnelState } from '@shared/contract'

export const providerLabels: Record<TunnelProviderKind, string> = {
  cloudflared: 'cloudflared quick tunnel',
  ngrok: 'ngrok',
  manual: 'Manual URL',
}

export const stateLabels: Record<TunnelState, string> = {
  off: 'Off',
  starting: 'Starting…',
  online: 'Online',
  error: 'Error',
}

export const stateTone: Record<TunnelState, 'ok' | 'warn' | 'danger' | 'muted'> = {
  off: 'muted',
  starting: 'warn',
  online: 'ok',
  error: 'danger',
}

/** Short names of where a callback is set, for tables and results. */
export const modeNames: Record<RegistrationMode, string> = {
  phone_number: 'Phone number override',
  waba: 'WABA override',
  app: 'App-wide callback',
}

export const levelNames: Record<CallbackLevel, string> = modeNames
