export { startSandbox } from './start-sandbox'
export type {
  Sandbox,
  SandboxOptions,
  IssuedToken,
  CustomerSendInput,
  SandboxCustomer,
  SandboxMedia,
  CustomerMediaKind,
  MarketingPreference,
  InboundKind,
  TokenKind,
  DeliveryReport,
  SandboxEnvName,
  CallbackAllowance,
} from './types'
export { CONTROL_KEY_HEADER } from './endpoints'
export { INBOUND_KINDS } from './customers'
export { RETRY_WINDOW_MS } from './webhooks'
