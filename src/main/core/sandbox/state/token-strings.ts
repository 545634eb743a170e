import type { SeededRandom } from '../seeded-random'

/** Graph user and system-user tokens start with `EAA` and run to a couple of hundred alphanumerics. */
export function graphTokenString(rng: SeededRandom): string {
  return `EAA${rng.pick(['B', 'G', 'J', 'N', 'R'])}${rng.alnum(176)}`
}

/** The shape `client_credentials` returns: `<app id>|<opaque>`, not the secret itself. */
export function appTokenString(rng: SeededRandom, appId: string): string {
  return `${appId}|${rng.alnum(12)}-${rng.alnum(8)}_${rng.alnum(6)}`
}
