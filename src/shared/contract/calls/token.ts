import { z } from 'zod'
import { appError } from '../envelope'
import { call } from '../define'

export const tokenKinds = ['system_user_expiring', 'system_user_never', 'user_long', 'user_short', 'user_temporary', 'app', 'page', 'unknown'] as const
export type TokenKind = (typeof tokenKinds)[number]

export const tokenKindLabels: Record<TokenKind, string> = {
  system_user_expiring: 'System-user token (expires; renewable 60 days at a time)',
  system_user_never: 'System-user token (never expires)',
  user_long: 'Long-lived user token (about 60 days; cannot be extended)',
  user_short: 'Short-lived user token (an hour or two; exchangeable for a long-lived one)',
  user_temporary: 'Temporary token from API Setup (about 24 hours)',
  app: 'App token (cannot send messages)',
  page: 'Page token (not for WhatsApp)',
  unknown: 'Unknown token type',
}

/** What `debug_token` says about a token, plus what Switchboard concludes from it. */
export const tokenInspection = z.object({
  valid: z.boolean(),
  kind: z.enum(tokenKinds),
  /** Graph's `type`: USER, SYSTEM_USER, PAGE, APP. */
  type: z.string().nullable(),
  appId: z.string().nullable(),
  application: z.string().nullable(),
  /** Epoch ms; 0 = never expires; null = Graph did not say. */
  expiresAt: z.number().int().nullable(),
  dataAccessExpiresAt: z.number().int().nullable(),
  issuedAt: z.number().int().nullable(),
  scopes: z.array(z.string()),
  granularScopes: z.array(z.object({ scope: z.string(), targetIds: z.array(z.string()) })),
  /** Graph's reason when the token is not valid. */
  error: z.object({ code: z.number().int().nullable(), subcode: z.number().int().nullable(), message: z.string() }).nullable(),
  /** Plain-language warnings: missing permissions, the WABA not covered, expiring soon … */
  problems: z.array(z.string()),
  inspectedAt: z.number().int(),
})
export type TokenInspection = z.infer<typeof tokenInspection>

export const phoneNumberInfo = z.object({
  id: z.string(),
  displayPhoneNumber: z.string().nullable(),
  verifiedName: z.string().nullable(),
  qualityRating: z.string().nullable(),
  codeVerificationStatus: z.string().nullable(),
  platformType: z.string().nullable(),
  throughput: z.string().nullable(),
})
export type PhoneNumberInfo = z.infer<typeof phoneNumberInfo>

export const connectionTest = z.object({
  token: tokenInspection.nullable(),
  tokenError: appError.nullable(),
  phone: phoneNumberInfo.nullable(),
  phoneError: appError.nullable(),
  /** The app has "Require App Secret" on and this profile sends no appsecret_proof: turning the proof on fixes it. */
  appSecretProofRequired: z.boolean(),
  checkedAt: z.number().int(),
})
export type ConnectionTest = z.infer<typeof connectionTest>

export const refreshStrategies = ['exchange_system_user', 'exchange_user', 'mint'] as const
export type RefreshStrategy = (typeof refreshStrategies)[number]

export const refreshStrategyLabels: Record<RefreshStrategy, string> = {
  exchange_system_user: 'Renew the system-user token for 60 days (fb_exchange_token)',
  exchange_user: 'Exchange the short-lived user token for a long-lived one (fb_exchange_token)',
  mint: 'Mint a new system-user token with the admin token',
}

export const refreshTriggers = ['manual', 'scheduled', 'on_190', 'startup', 'cli'] as const
/** What a log row says was tried: a strategy, `reload` (another process had stored a fresh token), or `none`. */
export const loggedStrategies = [...refreshStrategies, 'reload', 'none'] as const
export type LoggedStrategy = (typeof loggedStrategies)[number]
/** `no_gain`: Graph answered with a token that expires no later than the old one. */
export const refreshOutcomes = ['success', 'failure', 'skipped', 'no_gain'] as const
export type RefreshOutcome = (typeof refreshOutcomes)[number]

export const refreshLogEntry = z.object({
  id: z.number().int(),
  at: z.number().int(),
  trigger: z.enum(refreshTriggers),
  /** A refresh strategy, `reload` (another process had stored a fresh token), or `none` (nothing could be tried). */
  strategy: z.enum(loggedStrategies),
  outcome: z.enum(refreshOutcomes),
  oldExpiresAt: z.number().int().nullable(),
  newExpiresAt: z.number().int().nullable(),
  errorCode: z.number().int().nullable(),
  errorSubcode: z.number().int().nullable(),
  errorMessage: z.string().nullable(),
  fbtraceId: z.string().nullable(),
  durationMs: z.number().int(),
  note: z.string().nullable(),
})
export type RefreshLogEntryView = z.infer<typeof refreshLogEntry>

export const tokenStates = ['no_token', 'valid', 'expiring_soon', 'expired', 'invalid', 'unknown'] as const

export const tokenStatus = z.object({
  profileId: z.string(),
  profileName: z.string(),
  state: z.enum(tokenStates),
  inspection: tokenInspection.nullable(),
  /** Set when the operator has to act (expired with no way to refresh, temporary token …): what and how. */
  needsAction: z.object({ message: z.string(), fix: z.string(), link: z.string().nullable() }).nullable(),
  /** The refreshes this token's kind supports, in the order `auto` tries them. */
  strategies: z.array(z.enum(refreshStrategies)),
  nextRefreshAt: z.number().int().nullable(),
  nextInspectionAt: z.number().int().nullable(),
  refreshing: z.boolean(),
  lastRefresh: refreshLogEntry.nullable(),
  /** Why the last inspection or refresh failed (network, Graph), when it did. */
  lastError: appError.nullable(),
  /** The core's clock when this was computed, so countdowns agree with the core (and the sandbox). */
  now: z.number().int(),
})
export type TokenStatus = z.infer<typeof tokenStatus>

const optionalProfile = z.strictObject({ profileId: z.string().min(1).max(64).optional() })

export const tokenCalls = {
  'token.status': call({
    summary: 'The active (or given) profile\'s token: state, expiry, kind, what to do, next refresh',
    input: optionalProfile.optional(),
    result: tokenStatus,
  }),
  'token.inspect': call({
    summary: 'Ask Graph about the token now (debug_token)',
    input: optionalProfile.optional(),
    result: tokenStatus,
  }),
  'token.refresh': call({
    summary: 'Refresh the token now with the strategy its kind supports (or the one given)',
    input: z
      .strictObject({
        profileId: z.string().min(1).max(64).optional(),
        strategy: z.enum(['auto', ...refreshStrategies]).optional(),
        /** Also write the new token into this existing .env file (an absolute path); only its token line changes. */
        writeEnv: z.string().min(1).max(4096).optional(),
        /** Who asked: the UI (`manual`) or the command line (`cli`), for the refresh log. */
        trigger: z.enum(['manual', 'cli']).optional(),
      })
      .optional(),
    result: z.object({ status: tokenStatus, entry: refreshLogEntry }),
  }),
  'token.log': call({
    summary: 'The refresh log, newest first',
    input: z.strictObject({
      profileId: z.string().min(1).max(64).optional(),
      outcome: z.enum(refreshOutcomes).optional(),
      limit: z.number().int().min(1).max(500),
      beforeId: z.number().int().optional(),
    }),
    result: z.object({ entries: z.array(refreshLogEntry) }),
  }),
}
