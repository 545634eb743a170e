export { appHandlers } from './handlers'
export { DEFAULT_GRAPH_BASE_URL, graphBaseUrlFrom, isLoopbackHostname } from './graph-base-url'
