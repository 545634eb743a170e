import type { TokenInspection } from '@shared/contract'
import type { GraphClient } from '../graph'
import { tokenKind } from './kind'

const REQUIRED_SCOPES = ['whatsapp_business_messaging', 'whatsapp_business_management'] as const

type Json = Record<string, unknown>
const obj = (value: unknown): Json | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined)
const str = (value: unknown): string | null => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null)
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null)
const seconds = (value: unknown): number | null => {
  const n = num(value)
  return n === null ? null : n * 1000
}

export interface InspectInput {
  graph: GraphClient
  token: string
  /** `APP_ID|APP_SECRET` when both are known; else the token inspects itself. */
  appToken: string | null
  wabaId: string | null
  now: number
}

/** `GET /debug_token` and what it means for a WhatsApp integration. */
export async function inspectToken(input: InspectInput): Promise<TokenInspection> {
  const response = await input.graph.get('debug_token', {
    query: { input_token: input.token },
    token: input.appToken ?? input.token,
    tokenIn: 'query',
    appSecretProof: false,
  })
  return interpretDebugToken(obj(response.data)?.data, input.wabaId, input.now)
}

export function interpretDebugToken(raw: unknown, wabaId: string | null, now: number): TokenInspection {
  const data = obj(raw) ?? {}
  const expiresAt = seconds(data.expires_at)
  const issuedAt = seconds(data.issued_at)
  const type = str(data.type)
  const kind = tokenKind(type, expiresAt, issuedAt)
  const scopes = Array.isArray(data.scopes) ? data.scopes.filter((s): s is string => typeof s === 'string') : []
  const granularScopes = (Array.isArray(data.granular_scopes) ? data.granular_scopes : []).flatMap((item) => {
    const scope = str(obj(item)?.scope)
    if (!scope) return []
    const targets = obj(item)?.target_ids
    return [{ scope, targetIds: Array.isArray(targets) ? targets.map(String) : [] }]
  })
  const error = obj(data.error)
  const valid = data.is_valid === true
  const problems: string[] = []
  if (!valid) problems.push(str(error?.message) ?? 'Graph says this token is not valid')
  if (kind === 'app') problems.push('This is an app token: it identifies the app and cannot send messages')
  if (kind === 'page') problems.push('This is a Page token: WhatsApp needs a system-user or user token with WhatsApp permissions')
  if (valid && kind !== 'app') {
    for (const scope of REQUIRED_SCOPES) if (!scopes.includes(scope)) problems.push(`The token lacks the ${scope} permission`)
    if (wabaId) {
      const covering = granularScopes.filter((g) => (REQUIRED_SCOPES as readonly string[]).includes(g.scope))
      // No target_ids on a granular scope means it applies to every asset.
      if (covering.length > 0 && !covering.some((g) => g.targetIds.length === 0 || g.targetIds.includes(wabaId))) {
        problems.push(`The token's WhatsApp permissions do not include this profile's WABA (${wabaId})`)
      }
    }
  }
  if (valid && expiresAt && expiresAt > 0 && expiresAt - now < 7 * 24 * 60 * 60 * 1000) {
    problems.push(`The token expires ${expiresAt <= now ? 'now' : `in ${describeIn(expiresAt - now)}`}`)
  }
  return {
    valid,
    kind,
    type,
    appId: str(data.app_id),
    application: str(data.application),
    expiresAt: expiresAt ?? (valid ? 0 : null),
    dataAccessExpiresAt: seconds(data.data_access_expires_at),
    issuedAt,
    scopes,
    granularScopes,
    error: error ? { code: num(error.code), subcode: num(error.subcode), message: str(error.message) ?? '' } : null,
    problems,
    inspectedAt: now,
  }
}

function describeIn(ms: number): string {
  const hours = ms / 3_600_000
  if (hours < 1) return `${Math.max(1, Math.round(ms / 60_000))} minutes`
  if (hours < 48) return `${Math.round(hours)} hours`
  return `${Math.round(hours / 24)} days`
}
