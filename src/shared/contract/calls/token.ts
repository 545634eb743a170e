import { z } from 'zod'
import { appError } from '../envelope'

export const tokenKinds = ['system_user_expiring', 'system_user_never', 'user_long', 'user_temporary', 'app', 'page', 'unknown'] as const
export type TokenKind = (typeof tokenKinds)[number]

export const tokenKindLabels: Record<TokenKind, string> = {
  system_user_expiring: 'System-user token (expires; renewable 60 days at a time)',
  system_user_never: 'System-user token (never expires)',
  user_long: 'Long-lived user token (about 60 days)',
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
  checkedAt: z.number().int(),
})
export type ConnectionTest = z.infer<typeof connectionTest>
