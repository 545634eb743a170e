export { connectionHandlers } from './handlers'
export { inspectToken, interpretDebugToken } from './inspect'
export { tokenKind } from './kind'
export { graphFor, appTokenOf, proofOf, requireToken, type GraphTargets } from './profile-graph'
