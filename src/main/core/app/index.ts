export { appHandlers } from './handlers'
