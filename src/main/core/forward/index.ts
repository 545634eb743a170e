export { ForwardService, type ReplayRequest } from './service'
export { forwardHandlers } from './handlers'
export { DEFAULT_FORWARD_POLICY, DEFAULT_HORIZON_HOURS, retryDelay, type ForwardPolicy } from './policy'
