export { startSandbox } from './start-sandbox'
export type { Sandbox, SandboxOptions, IssuedToken, CustomerSendInput, InboundKind, TokenKind, DeliveryReport, SandboxEnvName } from './types'
export { INBOUND_KINDS } from './customers'
export { RETRY_WINDOW_MS } from './webhooks'
