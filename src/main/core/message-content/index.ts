export { readContent, errorDetails } from './read-content'
export { readConversation, readOrigin, readPricing } from './read-origin'
export { summaryText } from './summary'
export { messageStatus, messageType } from './closed-types'
