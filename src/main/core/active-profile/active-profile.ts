import type { CoreContext } from '../context'
import type { ProfileService } from '../profiles'
import type { ProfileSecrets, Vault } from '../secrets'
import type { ProfileRow } from '../store'

export interface ActiveSnapshot {
  profile: ProfileRow | undefined
  /** The live secrets in main memory; empty when the keychain could not be read. */
  secrets: ProfileSecrets
  keychainError: string | null
}

/**
 * The active profile with its secrets, kept in memory so hot paths (every webhook checks the
 * signature with the app secret) never wait for the keychain. Follows `profiles.changed`.
 */
export class ActiveProfile {
  private current: ActiveSnapshot = { profile: undefined, secrets: {}, keychainError: null }
  private loading: Promise<void> | undefined

  constructor(private readonly deps: { ctx: CoreContext; profiles: ProfileService; vault: Vault }) {}

  /** Starts following profile changes and loads the active profile once. */
  async start(): Promise<void> {
    this.deps.ctx.events.on('profiles.changed', () => {
      void this.reload()
    })
    await this.reload()
  }

  snapshot(): ActiveSnapshot {
    return this.current
  }

  reload(): Promise<void> {
    const run = async () => {
      const profile = this.deps.profiles.active()
      if (!profile) {
        this.current = { profile: undefined, secrets: {}, keychainError: null }
        return
      }
      try {
        this.current = { profile, secrets: await this.deps.vault.load(profile.id), keychainError: null }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        this.deps.ctx.log.warn('active profile secrets could not be read', { profile: profile.name, error: message })
        this.current = { profile, secrets: {}, keychainError: message }
      }
    }
    // Reloads run one after another so a slow keychain read never overwrites a newer one.
    this.loading = (this.loading ?? Promise.resolve()).then(run, run)
    return this.loading
  }
}
