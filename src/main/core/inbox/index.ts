export { inboxHandlers } from './handlers'
export { messageView } from './message-view'
