import { SwitchboardError } from '@shared/contract'
import type { AppSecretProofOption, GraphClient, GraphClients } from '../graph'
import type { ProfileSecrets } from '../secrets'
import type { ProfileRow } from '../store'

/** Where a profile's Graph calls go: graph.facebook.com, or the sandbox when it is a sandbox profile. */
export interface GraphTargets {
  clients: GraphClients
  metaBaseUrl: string
  /** The running sandbox's URL, if this process (or a `serve --sandbox` on the same data dir) has one. */
  sandboxUrl: () => string | null
}

export function graphFor(targets: GraphTargets, profile: ProfileRow): GraphClient {
  if (profile.kind === 'sandbox') {
    const url = targets.sandboxUrl()
    if (!url) {
      throw new SwitchboardError({
        code: 'not_configured',
        message: 'This is a sandbox profile, but the sandbox is not running',
        fix: 'Start it with `switchboard serve --sandbox` (same data directory), or pick "Try the sandbox" in the app',
      })
    }
    return targets.clients.for(url, profile.graphVersion)
  }
  return targets.clients.for(targets.metaBaseUrl, profile.graphVersion)
}

/** The app token (`APP_ID|APP_SECRET`) for debug_token and the subscriptions API, when both halves are known. */
export function appTokenOf(secrets: ProfileSecrets): string | null {
  return secrets.appId && secrets.appSecret ? `${secrets.appId}|${secrets.appSecret}` : null
}

export function proofOf(profile: ProfileRow, secrets: ProfileSecrets): AppSecretProofOption | false {
  return profile.appSecretProof && secrets.appSecret ? { appSecret: secrets.appSecret } : false
}

export function requireToken(secrets: ProfileSecrets): string {
  if (!secrets.accessToken) {
    throw new SwitchboardError({ code: 'not_configured', message: 'This profile has no access token', fix: 'Paste one in Settings, or import your .env' })
  }
  return secrets.accessToken
}
