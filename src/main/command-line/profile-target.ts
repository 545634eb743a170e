import { SwitchboardError, type ProfileView } from '@shared/contract'
import type { Core } from '../core'
import { stringOption } from './options'
import type { CommandRun } from './command'

/** The profile a command acts on: `--profile NAME`, else the active one; null when there is none. */
export async function profileNamed(core: Core, run: CommandRun): Promise<ProfileView | null> {
  const name = stringOption(run.values.profile)
  return (await core.call('profiles.find', name === undefined ? {} : { name })).profile
}

/** The profile a command acts on, which must exist. */
export async function existingProfile(core: Core, run: CommandRun): Promise<ProfileView> {
  const profile = await profileNamed(core, run)
  if (profile) return profile
  const name = stringOption(run.values.profile)
  throw new Error(
    name
      ? `there is no profile named "${name}" (create it with \`switchboard credentials set --profile ${name}\`)`
      : 'there is no profile yet (create one with `switchboard credentials set --profile NAME`)',
  )
}

/**
 * Like `existingProfile`, but creates the named (or a `default`) profile when it does not exist yet,
 * and only when the keychain can hold its secrets (an empty profile helps nobody).
 */
export async function profileOrNew(core: Core, run: CommandRun): Promise<{ id: string; created: boolean }> {
  const existing = await profileNamed(core, run)
  if (existing) return { id: existing.id, created: false }
  const keychain = await core.call('keychain.status')
  if (keychain.state !== 'available') {
    const code = keychain.state === 'locked' ? 'keychain_locked' : keychain.state === 'denied' ? 'keychain_denied' : 'keychain_unavailable'
    throw new SwitchboardError({ code, message: `${keychain.message}: nothing was saved`, ...(keychain.fix ? { fix: keychain.fix } : {}) })
  }
  const created = await core.call('profiles.create', { name: stringOption(run.values.profile) ?? 'default' })
  return { id: created.id, created: true }
}
