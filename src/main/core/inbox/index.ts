export { inboxHandlers } from './handlers'
export { exportLines } from './export'
