import type { Redactor } from '../log'
import type { Keychain } from './keychain'
import { diagnoseKeychainError, keychainError, type KeychainState } from './keychain-errors'
import { accountFor, secretFields, type ProfileSecrets, type SecretField } from './secret-fields'

export interface KeychainStatus {
  state: KeychainState
  message: string
  fix?: string
}

const PROBE_ACCOUNT = '__switchboard_probe__'
const forwardAccount = (targetId: number) => `forward/${targetId}/signingSecret`

/**
 * The only reader and writer of secrets. Keeps the live values in memory (main process only),
 * registers each with the redactor, and refuses to work on a keychain it cannot trust: a locked
 * Secret Service answers "no such secret" to reads, so every batch starts with a write probe.
 */
export class Vault {
  private readonly cache = new Map<string, ProfileSecrets>()

  constructor(
    private readonly keychain: Keychain,
    private readonly redactor: Redactor,
  ) {}

  async status(): Promise<KeychainStatus> {
    const failure = await this.probe()
    if (!failure) return { state: 'available', message: 'The OS keychain is available' }
    const diagnosis = diagnoseKeychainError(failure)
    return { state: diagnosis.state, message: diagnosis.message, fix: diagnosis.fix }
  }

  /** Reads every secret of a profile from the keychain (not the cache): another process may have written. */
  async load(profileId: string): Promise<ProfileSecrets> {
    await this.ensureUsable()
    const secrets: ProfileSecrets = {}
    try {
      for (const field of secretFields) {
        const value = await this.keychain.get(accountFor(profileId, field))
        if (value !== null) secrets[field] = value
      }
    } catch (error) {
      throw keychainError(error)
    }
    this.remember(profileId, secrets)
    return secrets
  }

  cached(profileId: string): ProfileSecrets | undefined {
    return this.cache.get(profileId)
  }

  /**
   * Writes the given fields (`null` removes one). All or nothing: when a write fails, the fields
   * already written in this call are put back as they were, and the error says why.
   */
  async save(profileId: string, changes: Partial<Record<SecretField, string | null>>): Promise<ProfileSecrets> {
    await this.ensureUsable()
    const before = await this.load(profileId)
    const done: SecretField[] = []
    try {
      for (const field of secretFields) {
        const value = changes[field]
        if (value === undefined) continue
        const account = accountFor(profileId, field)
        if (value === null) await this.keychain.delete(account)
        else await this.keychain.set(account, value)
        done.push(field)
      }
    } catch (error) {
      await this.restore(profileId, before, done)
      throw keychainError(error)
    }
    return this.load(profileId)
  }

  /** Removes every keychain entry of a profile. */
  async deleteAll(profileId: string): Promise<void> {
    await this.ensureUsable()
    try {
      for (const field of secretFields) await this.keychain.delete(accountFor(profileId, field))
    } catch (error) {
      throw keychainError(error)
    }
    this.forget(profileId)
  }

  /** The secret a forward target's deliveries are signed with, if it has one (read from the keychain). */
  async forwardSecret(targetId: number): Promise<string | undefined> {
    try {
      const value = await this.keychain.get(forwardAccount(targetId))
      if (value === null) return undefined
      this.redactor.add(value)
      return value
    } catch (error) {
      throw keychainError(error)
    }
  }

  /** Stores (or with null removes) a forward target's signing secret. */
  async setForwardSecret(targetId: number, value: string | null): Promise<void> {
    await this.ensureUsable()
    try {
      if (value === null) await this.keychain.delete(forwardAccount(targetId))
      else {
        await this.keychain.set(forwardAccount(targetId), value)
        this.redactor.add(value)
      }
    } catch (error) {
      throw keychainError(error)
    }
  }

  forget(profileId: string): void {
    const old = this.cache.get(profileId)
    if (old) for (const value of Object.values(old)) this.redactor.remove(value)
    this.cache.delete(profileId)
  }

  /** Throws the keychain's specific error when secrets cannot be written right now. */
  async ensureUsable(): Promise<void> {
    const failure = await this.probe()
    if (failure) throw keychainError(failure)
  }

  /** A write is the only honest test: a locked collection answers reads with "not found". */
  private async probe(): Promise<unknown> {
    try {
      await this.keychain.set(PROBE_ACCOUNT, 'ok')
      return undefined
    } catch (error) {
      return error ?? new Error('unknown keychain failure')
    }
  }

  private remember(profileId: string, secrets: ProfileSecrets): void {
    const old = this.cache.get(profileId)
    if (old) for (const [field, value] of Object.entries(old)) if (secrets[field as SecretField] !== value) this.redactor.remove(value)
    for (const [field, value] of Object.entries(secrets)) if (field !== 'appId') this.redactor.add(value)
    this.cache.set(profileId, secrets)
  }

  private async restore(profileId: string, before: ProfileSecrets, fields: SecretField[]): Promise<void> {
    for (const field of fields) {
      const account = accountFor(profileId, field)
      const value = before[field]
      try {
        if (value === undefined) await this.keychain.delete(account)
        else await this.keychain.set(account, value)
      } catch {
        // The keychain went away mid-write; the caller's error already says so.
      }
    }
  }
}
