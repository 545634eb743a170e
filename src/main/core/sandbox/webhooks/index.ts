export { WebhookDispatcher, type DeliveryReport } from './dispatcher'
export { verifyCallback, parseCallbackUrl } from './handshake'
export { loopbackOnly, type CallbackAllowance } from './callback-hosts'
export {
  customerContact,
  inboundChange,
  statusChange,
  userPreferencesChange,
  type ContactObject,
  type MarketingPreference,
  type StatusError,
  type StatusObject,
  type WebhookChange,
  type WebhookField,
} from './payloads'
export { metaJson } from './meta-json'
export { resolveCallback, webhookVersion, majorVersion, DEFAULT_WEBHOOK_VERSION, type CallbackLevel } from './routing'
export { nextRetryDelay, RETRY_WINDOW_MS } from './retry-schedule'
export { signatureHeaders } from './signature'
