import { type GraphError, oauthError } from '../graph-error'
import type { SandboxRuntime } from '../runtime'
import { appTokenString, graphTokenString, SYSTEM_USER_SCOPES, type StateStore, type TokenKind, type TokenRecord } from '../state'
import { sessionExpiredMessage } from './session-time'

export type TokenCheck =
  | { status: 'valid'; record: TokenRecord }
  | { status: 'app' }
  | { status: 'expired'; record: TokenRecord }
  | { status: 'revoked'; record: TokenRecord }
  | { status: 'unknown' }

const HOUR = 3600
const DAY = 24 * HOUR
const USER_SHORT_SECONDS = 2 * HOUR
const USER_LONG_SECONDS = 60 * DAY
const DATA_ACCESS_SECONDS = 90 * DAY
/** Expired tokens are remembered this long so they keep answering "expired", not "unknown". */
const FORGET_EXPIRED_AFTER = 90 * DAY

const INVALID_TOKEN = 'Invalid OAuth access token - Cannot parse access token'
const REVOKED_TOKEN =
  'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.'

/** Issues, recognises, expires and revokes the sandbox's tokens, and explains them to `debug_token`. */
export class TokenService {
  constructor(
    private readonly store: StateStore,
    private readonly runtime: SandboxRuntime,
    private readonly lifetimeSeconds: number,
  ) {}

  issue(kind: TokenKind, options: { scopes?: string[]; admin?: boolean } = {}): TokenRecord {
    const state = this.store.state
    if (kind === 'app') return this.appToken()
    const now = this.runtime.nowSeconds()
    const systemUser = kind === 'system_user_expiring' || kind === 'system_user_never'
    const lifetime = { system_user_expiring: this.lifetimeSeconds, system_user_never: 0, user_short: USER_SHORT_SECONDS, user_temporary: DAY, user_long: USER_LONG_SECONDS }[kind]
    const record: TokenRecord = {
      token: graphTokenString(this.runtime.rng),
      kind,
      type: systemUser ? 'SYSTEM_USER' : 'USER',
      issuedAt: now,
      expiresAt: lifetime === 0 ? 0 : now + lifetime,
      dataAccessExpiresAt: systemUser ? 0 : now + DATA_ACCESS_SECONDS,
      scopes: options.scopes ?? [...SYSTEM_USER_SCOPES],
      userId: systemUser ? state.systemUserId : state.developerUserId,
      ...(options.admin ? { admin: true } : {}),
    }
    state.tokens[record.token] = record
    this.prune(now)
    this.store.changed()
    return record
  }

  /** The app token in the form `client_credentials` returns; created once and then stable, as Meta's is. */
  appToken(): TokenRecord {
    const state = this.store.state
    const existing = Object.values(state.tokens).find((record) => record.kind === 'app')
    if (existing) return existing
    const record: TokenRecord = {
      token: appTokenString(this.runtime.rng, state.app.id),
      kind: 'app',
      type: 'APP',
      issuedAt: this.runtime.nowSeconds(),
      expiresAt: 0,
      dataAccessExpiresAt: 0,
      scopes: [],
      userId: '',
    }
    state.tokens[record.token] = record
    this.store.changed()
    return record
  }

  check(token: string): TokenCheck {
    const state = this.store.state
    if (token === `${state.app.id}|${state.app.secret}`) return { status: 'app' }
    const record = state.tokens[token]
    if (!record) return { status: 'unknown' }
    if (record.kind === 'app') return record.revoked ? { status: 'revoked', record } : { status: 'app' }
    if (record.revoked) return { status: 'revoked', record }
    if (record.expiresAt !== 0 && record.expiresAt * 1000 <= this.runtime.now()) return { status: 'expired', record }
    return { status: 'valid', record }
  }

  revoke(token: string): boolean {
    const record = this.store.state.tokens[token]
    if (!record) return false
    record.revoked = true
    this.store.changed()
    return true
  }

  /** The error a call authenticated with this token gets (HTTP 401 for the caller's own token). */
  failure(check: TokenCheck, status = 401): GraphError {
    switch (check.status) {
      case 'expired':
        return oauthError(status, 190, sessionExpiredMessage(check.record.expiresAt * 1000, this.runtime.now()), 463)
      case 'revoked':
        return oauthError(status, 190, REVOKED_TOKEN, 460)
      case 'unknown':
      case 'valid':
      case 'app':
        return oauthError(status, 190, INVALID_TOKEN)
    }
  }

  /** The `data` object of `GET /debug_token` for `input_token`. */
  debugData(token: string): Record<string, unknown> {
    const state = this.store.state
    const check = this.check(token)
    if (check.status === 'unknown') return { error: { code: 190, message: INVALID_TOKEN }, is_valid: false, scopes: [] }
    if (check.status === 'app') return { app_id: state.app.id, type: 'APP', application: state.app.name, is_valid: true }
    const { record } = check
    const base = {
      app_id: state.app.id,
      type: record.type,
      application: state.app.name,
      data_access_expires_at: record.dataAccessExpiresAt,
      expires_at: record.expiresAt,
    }
    const scopes = {
      scopes: record.scopes,
      granular_scopes: record.scopes.map((scope) => (scope.startsWith('whatsapp_') ? { scope, target_ids: [state.waba.id] } : { scope })),
      user_id: record.userId,
    }
    if (check.status === 'valid') return { ...base, is_valid: true, issued_at: record.issuedAt, ...scopes }
    const error = this.failure(check).body
    return { ...base, error: { code: 190, message: error.message, subcode: error.error_subcode }, is_valid: false, ...scopes }
  }

  /**
   * The sandbox profile's token cannot have been refreshed while the sandbox was not running, so a
   * restart renews it in place rather than leave the profile holding a dead token.
   */
  renewProfileTokenIfLapsed(): boolean {
    const record = this.store.state.tokens[this.store.state.profileToken]
    const now = this.runtime.nowSeconds()
    if (!record || record.revoked || record.expiresAt === 0 || record.expiresAt > now) return false
    record.expiresAt = now + this.lifetimeSeconds
    this.store.changed()
    return true
  }

  private prune(now: number): void {
    const tokens = this.store.state.tokens
    for (const [token, record] of Object.entries(tokens)) {
      if (record.expiresAt !== 0 && record.expiresAt + FORGET_EXPIRED_AFTER < now) delete tokens[token]
    }
  }
}

