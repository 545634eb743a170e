import type { Clock } from '../clock'
import type { Handlers } from '../dispatch'
import type { ProfileService } from '../profiles'
import { testConnection } from './connection-test'
import type { GraphTargets } from './profile-graph'

export function connectionHandlers(profiles: ProfileService, targets: GraphTargets, clock: Clock): Pick<Handlers, 'profiles.testConnection'> {
  return {
    'profiles.testConnection': async ({ id }) => testConnection(targets, clock, profiles.require(id), await profiles.secrets(id)),
  }
}
