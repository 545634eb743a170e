import type { CustomerSimulation } from '../customers'
import type { MediaLibrary } from '../media'
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
  media: MediaLibrary
  /** Meta's GET verification of a callback URL; rejects with error 2200 when it fails. */
  verifyCallback(url: string, verifyToken: string): Promise<void>
  /** The sandbox's own base URL, for `/_sandbox/env` and media download URLs. */
  baseUrl(): string
}
