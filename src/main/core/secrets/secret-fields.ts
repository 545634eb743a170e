/**
 * The values that live only in the keychain (one keychain account per profile and field).
 * `ngrokAuthtoken` is the ngrok account's authtoken for the ngrok tunnel provider.
 */
export const secretFields = ['appId', 'appSecret', 'accessToken', 'verifyToken', 'adminToken', 'ngrokAuthtoken'] as const
export type SecretField = (typeof secretFields)[number]
export type ProfileSecrets = Partial<Record<SecretField, string>>

/** App IDs are not secret, but the spec keeps them with the credentials; they are shown unmasked. */
export const unmaskedFields: ReadonlySet<SecretField> = new Set(['appId'])

export function accountFor(profileId: string, field: SecretField): string {
  return `${profileId}/${field}`
}
