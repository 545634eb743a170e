import { isAbsolute } from 'node:path'
import { SwitchboardError } from '@shared/contract'
import type { ActiveProfile } from '../active-profile'
import type { Clock } from '../clock'
import type { Handlers } from '../dispatch'
import type { ProfileService } from '../profiles'
import { testConnection } from './connection-test'
import type { GraphTargets } from './profile-graph'
import type { TokenService } from './service'

type TokenCalls = 'profiles.testConnection' | 'token.status' | 'token.inspect' | 'token.refresh' | 'token.log'

export function tokenHandlers(tokens: TokenService, profiles: ProfileService, active: ActiveProfile, targets: GraphTargets, clock: Clock): Pick<Handlers, TokenCalls> {
  const which = (profileId: string | undefined): string => {
    if (profileId) return profiles.require(profileId).id
    const id = active.snapshot().profile?.id ?? profiles.activeId()
    if (!id) throw new SwitchboardError({ code: 'not_configured', message: 'There is no active profile', fix: 'Create one in Settings, or try the sandbox' })
    return id
  }
  return {
    'profiles.testConnection': async ({ id }) => testConnection(targets, clock, profiles.require(id), await profiles.secrets(id)),
    'token.status': (input) => tokens.status(which(input?.profileId)),
    'token.inspect': (input) => tokens.inspect(which(input?.profileId)),
    'token.refresh': async (input) => {
      const id = which(input?.profileId)
      if (input?.writeEnv !== undefined && !isAbsolute(input.writeEnv)) {
        throw new SwitchboardError({ code: 'invalid_input', message: 'writeEnv must be an absolute path to an existing .env file', fields: { writeEnv: 'An absolute path' } })
      }
      const entry = await tokens.refresh(id, input?.trigger ?? 'manual', input?.strategy ?? 'auto', input?.writeEnv)
      const { profileId: _profileId, ...view } = entry
      return { status: await tokens.status(id), entry: view }
    },
    'token.log': ({ profileId, outcome, limit, beforeId }) => ({
      entries: tokens.log(which(profileId), limit, { ...(outcome ? { outcome } : {}), ...(beforeId === undefined ? {} : { beforeId }) }),
    }),
  }
}
