import type { ProfileView } from '@shared/contract'
import type { Core } from '../core'
import { stringOption } from './options'
import type { CommandRun } from './command'

/** The profile a command acts on: `--profile NAME`, else the active one. */
export async function existingProfile(core: Core, run: CommandRun): Promise<ProfileView> {
  const name = stringOption(run.values.profile)
  const row = name ? core.profiles.byName(name) : core.profiles.active()
  if (!row) {
    throw new Error(
      name
        ? `there is no profile named "${name}" (create it with \`switchboard credentials set --profile ${name}\`)`
        : 'there is no profile yet (create one with `switchboard credentials set --profile NAME`)',
    )
  }
  return core.call('profiles.get', { id: row.id })
}

/** Like `existingProfile`, but creates the named (or a `default`) profile when it does not exist yet. */
export async function profileOrNew(core: Core, run: CommandRun): Promise<{ id: string; created: boolean }> {
  const name = stringOption(run.values.profile)
  const row = name ? core.profiles.byName(name) : core.profiles.active()
  if (row) return { id: row.id, created: false }
  await core.profiles.ensureKeychain()
  const created = await core.call('profiles.create', { name: name ?? 'default' })
  return { id: created.id, created: true }
}
