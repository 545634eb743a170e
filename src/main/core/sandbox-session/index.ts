export { SandboxSession, SANDBOX_PROFILE, type SandboxStartOptions } from './session'
export { sandboxHandlers } from './handlers'
export { findEndpoint, findControlEndpoint } from './endpoint-file'
