import type { ProfileChanges, ProfileView, SecretName } from '@shared/contract'
import { accessTokenWarning, appSecretWarning, graphVersion, idField, isAppTokenShape, appTokenRefusal } from '@shared/credentials'

/** `undefined`: keep the stored secret; a string: replace it; `null`: remove it. */
export type SecretDraft = string | null | undefined

export interface ProfileDraft {
  appId: string
  phoneNumberId: string
  wabaId: string
  systemUserId: string
  graphVersion: string
  appSecretProof: boolean
  secrets: Record<SecretName, SecretDraft>
}

export function draftFrom(view: ProfileView): ProfileDraft {
  return {
    appId: view.appId ?? '',
    phoneNumberId: view.settings.phoneNumberId ?? '',
    wabaId: view.settings.wabaId ?? '',
    systemUserId: view.settings.systemUserId ?? '',
    graphVersion: view.settings.graphVersion,
    appSecretProof: view.settings.appSecretProof,
    secrets: { appSecret: undefined, accessToken: undefined, verifyToken: undefined, adminToken: undefined, ngrokAuthtoken: undefined },
  }
}

type IdKey = 'appId' | 'phoneNumberId' | 'wabaId' | 'systemUserId'
const idKeys: IdKey[] = ['appId', 'phoneNumberId', 'wabaId', 'systemUserId']

/** Blocking problems, by field: the same rules the core applies on save. */
export function draftErrors(draft: ProfileDraft): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {}
  for (const key of idKeys) {
    const value = draft[key].trim()
    if (value !== '') {
      const parsed = idField.safeParse(value)
      if (!parsed.success) errors[key] = parsed.error.issues[0]?.message ?? 'Invalid'
    }
  }
  const version = graphVersion.safeParse(draft.graphVersion.trim())
  if (!version.success) errors.graphVersion = version.error.issues[0]?.message ?? 'Invalid'
  const token = draft.secrets.accessToken
  if (typeof token === 'string' && isAppTokenShape(token)) errors.accessToken = appTokenRefusal
  for (const [name, value] of Object.entries(draft.secrets)) {
    if (value === '') errors[name] = 'Paste a value, or cancel the replacement'
  }
  return errors
}

/** Non-blocking remarks on unusual shapes. */
export function draftWarnings(draft: ProfileDraft): Partial<Record<string, string>> {
  const warnings: Partial<Record<string, string>> = {}
  const { accessToken, adminToken, appSecret } = draft.secrets
  if (typeof accessToken === 'string') warnings.accessToken = accessTokenWarning(accessToken) ?? undefined
  if (typeof adminToken === 'string') warnings.adminToken = accessTokenWarning(adminToken) ?? undefined
  if (typeof appSecret === 'string') warnings.appSecret = appSecretWarning(appSecret) ?? undefined
  return warnings
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim())

/** Only what changed, in the shape `profiles.save` takes. */
export function changesFrom(view: ProfileView, draft: ProfileDraft): ProfileChanges {
  const settings: NonNullable<ProfileChanges['settings']> = {}
  if (orNull(draft.phoneNumberId) !== view.settings.phoneNumberId) settings.phoneNumberId = orNull(draft.phoneNumberId)
  if (orNull(draft.wabaId) !== view.settings.wabaId) settings.wabaId = orNull(draft.wabaId)
  if (orNull(draft.systemUserId) !== view.settings.systemUserId) settings.systemUserId = orNull(draft.systemUserId)
  if (draft.graphVersion.trim() !== view.settings.graphVersion) settings.graphVersion = draft.graphVersion.trim()
  if (draft.appSecretProof !== view.settings.appSecretProof) settings.appSecretProof = draft.appSecretProof
  const secrets: NonNullable<ProfileChanges['secrets']> = {}
  if (orNull(draft.appId) !== view.appId) secrets.appId = orNull(draft.appId)
  for (const [name, value] of Object.entries(draft.secrets) as [SecretName, SecretDraft][]) {
    if (value !== undefined) secrets[name] = value === null ? null : value.trim()
  }
  return { id: view.id, settings, secrets }
}

export function hasChanges(changes: ProfileChanges): boolean {
  return Object.keys(changes.settings ?? {}).length > 0 || Object.keys(changes.secrets ?? {}).length > 0
}
