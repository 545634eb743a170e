export { appHandlers } from './handlers'
export type { LoginItem } from './settings'
export { DEFAULT_GRAPH_BASE_URL, graphBaseUrlFrom, isLoopbackHostname } from './graph-base-url'
