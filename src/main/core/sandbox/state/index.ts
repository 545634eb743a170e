export type {
  AppState,
  AppSubscriptionState,
  CustomerState,
  MediaOrigin,
  MediaRecord,
  MessageRecord,
  PhoneNumberState,
  SandboxState,
  StoredState,
  TokenKind,
  TokenRecord,
  TokenType,
} from './types'
export { createInitialState, SYSTEM_USER_SCOPES } from './initial-state'
export { createCustomers, customerWaId, newCustomer, type NewCustomer } from './customers'
export { isBusinessScopedUserId, newBusinessScopedUserId } from './business-scoped-user-id'
export { phoneCountry } from './phone-country'
export { upgradeState } from './upgrade-state'
export { graphTokenString, appTokenString } from './token-strings'
export { StateFile } from './state-file'
export { StateStore } from './state-store'
