import { accessTokenWarning, appSecretWarning, appTokenRefusal, isAppTokenShape } from '@shared/credentials'
import { SwitchboardError, type FieldWarning } from '@shared/contract'

export interface SecretInput {
  appSecret?: string | null | undefined
  accessToken?: string | null | undefined
  adminToken?: string | null | undefined
}

/** Warnings never block a save; an app token offered as the messaging token does. */
export function credentialWarnings(input: SecretInput): FieldWarning[] {
  const warnings: FieldWarning[] = []
  if (input.accessToken) {
    if (isAppTokenShape(input.accessToken)) {
      throw new SwitchboardError({ code: 'invalid_input', message: appTokenRefusal, fields: { 'secrets.accessToken': appTokenRefusal } })
    }
    const warning = accessTokenWarning(input.accessToken)
    if (warning) warnings.push({ field: 'accessToken', message: warning })
  }
  if (input.adminToken) {
    const warning = accessTokenWarning(input.adminToken)
    if (warning) warnings.push({ field: 'adminToken', message: warning })
  }
  if (input.appSecret) {
    const warning = appSecretWarning(input.appSecret)
    if (warning) warnings.push({ field: 'appSecret', message: warning })
  }
  return warnings
}
