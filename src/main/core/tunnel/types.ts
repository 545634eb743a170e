import type { TunnelProviderKind, TunnelState } from '@shared/contract'

/** One provider's view of itself; the service adds the self-test and registrations. */
export interface ProviderSnapshot {
  phase: TunnelState
  /** The public base URL while online. */
  url: string | null
  error: string | null
  fix: string | null
  /** When the provider will try again by itself, if it will. */
  retryAt: number | null
  restarts: number
  /** The provider's own output and Switchboard's notes on it, secrets masked, oldest first. */
  logs: readonly string[]
}

/** cloudflared, ngrok or a manual URL behind one interface: off → starting → online(url) → error(reason). */
export interface TunnelProvider {
  readonly kind: TunnelProviderKind
  /** Starts; resolves once the provider is first online or has failed (it may keep retrying after). */
  start(): Promise<ProviderSnapshot>
  /** Stops for good (no more retries) and releases what it runs. */
  stop(): Promise<void>
  snapshot(): ProviderSnapshot
  onChange(listener: (snapshot: ProviderSnapshot) => void): () => void
}
