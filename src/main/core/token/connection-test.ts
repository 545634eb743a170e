import { SwitchboardError, type AppError, type ConnectionTest, type PhoneNumberInfo } from '@shared/contract'
import type { Clock } from '../clock'
import { GraphError } from '../graph'
import type { ProfileSecrets } from '../secrets'
import type { ProfileRow } from '../store'
import { inspectToken } from './inspect'
import { appTokenOf, graphFor, proofOf, requireToken, type GraphTargets } from './profile-graph'

type Json = Record<string, unknown>
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null)

const PHONE_FIELDS = 'id,display_phone_number,verified_name,quality_rating,code_verification_status,platform_type,throughput'

function asAppError(error: unknown): AppError {
  if (error instanceof SwitchboardError) return error.toJSON()
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) }
}

/**
 * Settings' "Test connection": inspect the token and read the phone number, each reported on its
 * own so one failure does not hide what the other learned.
 */
export async function testConnection(targets: GraphTargets, clock: Clock, profile: ProfileRow, secrets: ProfileSecrets): Promise<ConnectionTest> {
  const token = requireToken(secrets)
  const graph = graphFor(targets, profile)
  const result: ConnectionTest = { token: null, tokenError: null, phone: null, phoneError: null, appSecretProofRequired: false, checkedAt: clock.now() }
  try {
    result.token = await inspectToken({ graph, token, appToken: appTokenOf(secrets), wabaId: profile.wabaId, now: clock.now() })
  } catch (error) {
    result.tokenError = asAppError(error)
  }
  if (!profile.phoneNumberId) {
    result.phoneError = { code: 'not_configured', message: 'No phone number ID in this profile', fix: 'Copy it from WhatsApp → API Setup' }
    return result
  }
  try {
    const response = await graph.get(profile.phoneNumberId, { token, query: { fields: PHONE_FIELDS }, appSecretProof: proofOf(profile, secrets) })
    const data = (response.data ?? {}) as Json
    const throughput = data.throughput && typeof data.throughput === 'object' ? str((data.throughput as Json).level) : null
    const phone: PhoneNumberInfo = {
      id: str(data.id) ?? profile.phoneNumberId,
      displayPhoneNumber: str(data.display_phone_number),
      verifiedName: str(data.verified_name),
      qualityRating: str(data.quality_rating),
      codeVerificationStatus: str(data.code_verification_status),
      platformType: str(data.platform_type),
      throughput,
    }
    result.phone = phone
  } catch (error) {
    result.phoneError = asAppError(error)
    result.appSecretProofRequired = error instanceof GraphError && error.kind === 'app_secret_proof' && !proofOf(profile, secrets)
  }
  return result
}
