import type { KeychainStatusView, ProfileView, SecretName, SecretView } from '@shared/contract'
import { mask } from '../log'
import type { ProfileSecrets } from '../secrets'
import type { EnvSyncTarget, ProfileRow } from '../store'

function secretView(value: string | undefined, readable: boolean): SecretView {
  if (!readable) return { state: 'unknown', masked: null }
  return value === undefined ? { state: 'empty', masked: null } : { state: 'set', masked: mask(value) }
}

/** The only shape in which a profile leaves the core: settings in full, secrets masked. */
export function profileView(
  row: ProfileRow,
  active: boolean,
  secrets: ProfileSecrets | null,
  envTargets: EnvSyncTarget[],
  keychainProblem: KeychainStatusView | null,
): ProfileView {
  const readable = secrets !== null
  const secret = (name: SecretName) => secretView(secrets?.[name], readable)
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    active,
    settings: {
      phoneNumberId: row.phoneNumberId,
      wabaId: row.wabaId,
      systemUserId: row.systemUserId,
      graphVersion: row.graphVersion,
      appSecretProof: row.appSecretProof,
    },
    appId: secrets?.appId ?? null,
    secrets: {
      appSecret: secret('appSecret'),
      accessToken: secret('accessToken'),
      verifyToken: secret('verifyToken'),
      adminToken: secret('adminToken'),
      ngrokAuthtoken: secret('ngrokAuthtoken'),
    },
    envTargets: envTargets.map((t) => ({ path: t.path, variable: t.variable })),
    keychainProblem,
  }
}
