import type { Handlers } from '../dispatch'
import type { Vault } from '../secrets'
import type { ProfileService } from './service'

type ProfileCalls =
  | 'profiles.list'
  | 'profiles.find'
  | 'profiles.get'
  | 'profiles.create'
  | 'profiles.rename'
  | 'profiles.delete'
  | 'profiles.activate'
  | 'profiles.save'
  | 'keychain.status'

export function profileHandlers(profiles: ProfileService, vault: Vault): Pick<Handlers, ProfileCalls> {
  return {
    'profiles.list': async () => ({ profiles: profiles.list(), activeId: profiles.activeId(), keychain: await vault.status() }),
    'profiles.find': async ({ name }) => {
      const row = name === undefined ? profiles.active() : profiles.byName(name)
      return { profile: row ? await profiles.view(row.id) : null }
    },
    'profiles.get': ({ id }) => profiles.view(id),
    'profiles.create': ({ name }) => profiles.view(profiles.create(name).id),
    'profiles.rename': ({ id, name }) => {
      profiles.rename(id, name)
      return profiles.view(id)
    },
    'profiles.delete': async ({ id }) => {
      await profiles.delete(id)
      return { deleted: id }
    },
    'profiles.activate': ({ id }) => {
      profiles.activate(id)
      return profiles.view(id)
    },
    'profiles.save': async (changes) => {
      const warnings = await profiles.save(changes)
      return { profile: await profiles.view(changes.id), warnings }
    },
    'keychain.status': () => vault.status(),
  }
}
