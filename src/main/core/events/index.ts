export { EventHub, type BatchListener, type EventHandler, type EventHubOptions } from './hub'
