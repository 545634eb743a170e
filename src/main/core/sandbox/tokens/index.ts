export { TokenService, type TokenCheck } from './token-service'
export { sessionTime, sessionExpiredMessage } from './session-time'
