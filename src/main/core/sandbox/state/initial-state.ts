import type { SeededRandom } from '../seeded-random'
import { graphTokenString } from './token-strings'
import { createCustomers } from './customers'
import type { SandboxState, TokenRecord } from './types'

export const SYSTEM_USER_SCOPES = ['business_management', 'whatsapp_business_management', 'whatsapp_business_messaging']

/** A fresh sandbox world: one app, one WABA, two numbers, a system user and a handful of customers. */
export function createInitialState(rng: SeededRandom, nowMs: number, profileLifetimeSeconds: number): SandboxState {
  const now = Math.floor(nowMs / 1000)
  const app = { id: rng.digits(15), secret: rng.hex(32), name: 'Switchboard Sandbox', requireAppSecret: false }
  const waba = { id: rng.digits(15), name: 'Switchboard Sandbox WABA', subscribed: true, overrideCallbackUri: null, overrideVerifyToken: null }
  const phoneNumbers = [phoneNumber(rng, 'Switchboard Sandbox'), phoneNumber(rng, 'Switchboard Sandbox Support')]
  const systemUserId = rng.digits(15)
  const adminToken = graphTokenString(rng)
  const profileToken = graphTokenString(rng)
  const record = (token: string, kind: TokenRecord['kind'], expiresAt: number, admin = false): TokenRecord => ({
    token,
    kind,
    type: 'SYSTEM_USER',
    issuedAt: now,
    expiresAt,
    dataAccessExpiresAt: 0,
    scopes: [...SYSTEM_USER_SCOPES],
    userId: systemUserId,
    ...(admin ? { admin: true } : {}),
  })
  return {
    version: 2,
    rng: 0,
    app,
    waba,
    phoneNumbers,
    systemUserId,
    developerUserId: rng.digits(16),
    adminToken,
    profileToken,
    verifyToken: `sandbox-verify-${rng.alnum(16)}`,
    appSubscription: null,
    tokens: {
      [adminToken]: record(adminToken, 'system_user_never', 0, true),
      [profileToken]: record(profileToken, 'system_user_expiring', now + profileLifetimeSeconds),
    },
    customers: createCustomers(rng, 6),
    messages: [],
    media: [],
  }
}

function phoneNumber(rng: SeededRandom, verifiedName: string) {
  // 555-01xx numbers are reserved for fiction in North America, so these never belong to anyone.
  const area = rng.pick(['201', '312', '415', '631', '702'])
  const line = `01${rng.int(0, 9)}${rng.int(0, 9)}`
  const digits = `1${area}555${line}`
  return {
    id: rng.digits(15),
    display: `+1 ${area}-555-${line}`,
    digits,
    verifiedName,
    overrideCallbackUri: null,
    overrideVerifyToken: null,
  }
}
