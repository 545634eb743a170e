export { inboxHandlers } from './handlers'
export { exportLines } from './export'
export { messageView } from './message-view'
