import { randomBytes } from 'node:crypto'
import { DEFAULT_GRAPH_VERSION } from '@shared/credentials'
import { SwitchboardError, type FieldWarning, type KeychainStatusView, type ProfileChanges, type ProfileSummary, type ProfileView } from '@shared/contract'
import type { CoreContext } from '../context'
import type { ProfileSecrets, SecretField, Vault } from '../secrets'
import type { ProfileKind, ProfileRow, Store } from '../store'
import { profileView } from './view'
import { credentialWarnings } from './warnings'

const ACTIVE_KEY = 'active_profile'

export interface ProfileServiceDeps {
  ctx: CoreContext
  store: Store
  vault: Vault
}

/**
 * Profiles: one WhatsApp integration each. Settings go to SQLite, secrets to the keychain (through
 * the vault), and a save that cannot reach the keychain changes nothing at all.
 */
export class ProfileService {
  private override: string | null

  constructor(private readonly deps: ProfileServiceDeps) {
    /** `--profile NAME` from the command line: used instead of the stored active profile. */
    this.override = deps.ctx.config.profile ?? null
  }

  private get store() {
    return this.deps.store
  }

  list(): ProfileSummary[] {
    const activeId = this.activeId()
    return this.store.profiles.list().map((row) => ({ id: row.id, name: row.name, kind: row.kind, active: row.id === activeId }))
  }

  rows(): ProfileRow[] {
    return this.store.profiles.list()
  }

  byId(id: string): ProfileRow | undefined {
    return this.store.profiles.get(id)
  }

  activeId(): string | null {
    if (this.override !== null) return this.store.profiles.byName(this.override)?.id ?? null
    const stored = this.store.settings.get(ACTIVE_KEY)
    if (stored && this.store.profiles.get(stored)) return stored
    return this.store.profiles.list()[0]?.id ?? null
  }

  active(): ProfileRow | undefined {
    const id = this.activeId()
    return id === null ? undefined : this.store.profiles.get(id)
  }

  require(id: string): ProfileRow {
    const row = this.store.profiles.get(id)
    if (!row) throw new SwitchboardError({ code: 'not_found', message: `There is no profile with id ${id}` })
    return row
  }

  byName(name: string): ProfileRow | undefined {
    return this.store.profiles.byName(name)
  }

  /** The profile with its secrets read fresh from the keychain (or marked unknown when it cannot be read). */
  async view(id: string): Promise<ProfileView> {
    const row = this.require(id)
    let secrets: ProfileSecrets | null = null
    let problem: KeychainStatusView | null = null
    try {
      secrets = await this.deps.vault.load(id)
    } catch (error) {
      problem = this.problemOf(error)
    }
    return profileView(row, row.id === this.activeId(), secrets, this.store.envTargets.list(id), problem)
  }

  create(name: string, kind: ProfileKind = 'meta'): ProfileRow {
    const trimmed = name.trim()
    if (this.store.profiles.byName(trimmed)) {
      throw new SwitchboardError({ code: 'conflict', message: `A profile named "${trimmed}" already exists`, fields: { name: 'Already taken' } })
    }
    const now = this.deps.ctx.clock.now()
    const row: ProfileRow = {
      id: `prf_${randomBytes(6).toString('hex')}`,
      name: trimmed,
      kind,
      phoneNumberId: null,
      wabaId: null,
      systemUserId: null,
      graphVersion: DEFAULT_GRAPH_VERSION,
      appSecretProof: false,
      createdAt: now,
      updatedAt: now,
    }
    this.store.transaction(() => {
      this.store.profiles.insert(row)
      if (!this.store.settings.get(ACTIVE_KEY)) this.store.settings.set(ACTIVE_KEY, row.id)
    })
    this.changed(row.id)
    return row
  }

  rename(id: string, name: string): void {
    const row = this.require(id)
    const clash = this.store.profiles.byName(name.trim())
    if (clash && clash.id !== id) {
      throw new SwitchboardError({ code: 'conflict', message: `A profile named "${name.trim()}" already exists`, fields: { name: 'Already taken' } })
    }
    if (this.override !== null && this.override.toLowerCase() === row.name.toLowerCase()) this.override = name.trim()
    this.store.profiles.rename(id, name.trim(), this.deps.ctx.clock.now())
    this.changed(id)
  }

  /** Keychain entries first: if they cannot be removed, the profile stays as it was. */
  async delete(id: string): Promise<void> {
    this.require(id)
    await this.deps.vault.deleteAll(id)
    this.store.transaction(() => {
      this.store.profiles.delete(id)
      if (this.store.settings.get(ACTIVE_KEY) === id) {
        const next = this.store.profiles.list()[0]
        if (next) this.store.settings.set(ACTIVE_KEY, next.id)
        else this.store.settings.delete(ACTIVE_KEY)
      }
    })
    this.changed(id)
  }

  activate(id: string): void {
    const row = this.require(id)
    this.store.settings.set(ACTIVE_KEY, id)
    if (this.override !== null) this.override = row.name
    this.changed(id)
  }

  /**
   * Applies settings and secret changes. Secrets are written first; if the keychain refuses, the
   * settings are not touched. If SQLite then fails, the secrets are put back.
   */
  async save(changes: ProfileChanges): Promise<FieldWarning[]> {
    const row = this.require(changes.id)
    const secrets = changes.secrets ?? {}
    const warnings = credentialWarnings(secrets)
    const secretChanges = Object.fromEntries(Object.entries(secrets).filter(([, value]) => value !== undefined)) as Partial<
      Record<SecretField, string | null>
    >
    let before: ProfileSecrets | undefined
    if (Object.keys(secretChanges).length > 0) {
      before = await this.deps.vault.load(row.id)
      await this.deps.vault.save(row.id, secretChanges)
    }
    const settings = changes.settings ?? {}
    try {
      this.store.profiles.updateSettings(
        row.id,
        {
          phoneNumberId: settings.phoneNumberId === undefined ? row.phoneNumberId : settings.phoneNumberId,
          wabaId: settings.wabaId === undefined ? row.wabaId : settings.wabaId,
          systemUserId: settings.systemUserId === undefined ? row.systemUserId : settings.systemUserId,
          graphVersion: settings.graphVersion ?? row.graphVersion,
          appSecretProof: settings.appSecretProof ?? row.appSecretProof,
        },
        this.deps.ctx.clock.now(),
      )
    } catch (error) {
      if (before) await this.deps.vault.save(row.id, restoreChanges(before, secretChanges)).catch(() => undefined)
      throw error
    }
    this.changed(row.id)
    return warnings
  }

  ensureKeychain(): Promise<void> {
    return this.deps.vault.ensureUsable()
  }

  async secrets(id: string): Promise<ProfileSecrets> {
    this.require(id)
    return this.deps.vault.load(id)
  }

  private problemOf(error: unknown): KeychainStatusView {
    if (error instanceof SwitchboardError && error.code.startsWith('keychain_')) {
      const state = error.code === 'keychain_locked' ? 'locked' : error.code === 'keychain_denied' ? 'denied' : 'unavailable'
      return { state, message: error.message.replace(/: nothing was saved$/, ''), ...(error.fix ? { fix: error.fix } : {}) }
    }
    throw error
  }

  private changed(profileId: string | null): void {
    this.deps.ctx.events.emit('profiles.changed', { activeId: this.activeId(), profileId })
  }
}

function restoreChanges(before: ProfileSecrets, changed: Partial<Record<SecretField, string | null>>) {
  const restore: Partial<Record<SecretField, string | null>> = {}
  for (const field of Object.keys(changed) as SecretField[]) restore[field] = before[field] ?? null
  return restore
}
