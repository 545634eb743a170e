import type { CustomerSimulation } from '../customers'
import type { Outbound } from '../messaging'
import type { SandboxRuntime } from '../runtime'
import type { StateStore } from '../state'
import type { TokenService } from '../tokens'

/** Everything an endpoint may use. */
export interface GraphContext {
  runtime: SandboxRuntime
  store: StateStore
  tokens: TokenService
  outbound: Outbound
  customers: CustomerSimulation
  /** Meta's GET verification of a callback URL; rejects with error 2200 when it fails. */
  verifyCallback(url: string, verifyToken: string): Promise<void>
  /** The sandbox's own base URL, for `/_sandbox/env`. */
  baseUrl(): string
}
